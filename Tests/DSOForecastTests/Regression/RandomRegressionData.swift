import Foundation
import DSOForecast
import OpenDSOTestSupport

/// Random regression problems with columns of very different units and offsets (as calendar, weather and
/// load features have), so that standardisation matters; fixed seeds so failures replay.
struct RandomRegressionData: Encodable {
    var x: [[Double]]
    var y: [Double]
    var xTest: [[Double]]

    static func names(_ count: Int) -> [String] { (0..<count).map { "x\($0)" } }

    var features: FeatureMatrix { FeatureMatrix(names: Self.names(x[0].count), rowMajor: x.flatMap { $0 }) }
    var testFeatures: FeatureMatrix { FeatureMatrix(names: Self.names(x[0].count), rowMajor: xTest.flatMap { $0 }) }

    /// y = Σ βⱼ xⱼ + 3 + noise with column j centred at 10ʲ and spread 2ʲ.
    static func linear(rows: Int, columns: Int, testRows: Int = 50, noise: Double = 0.5, seed: UInt64) -> Self {
        var generator = SeededGenerator(seed: seed)
        let beta = (0..<columns).map { _ in Double.random(in: -2...2, using: &generator) }
        func row() -> [Double] {
            (0..<columns).map { column in
                pow10(column) + Double(1 << column) * normal(&generator)
            }
        }
        let x = (0..<rows).map { _ in row() }
        let y = x.map { values in 3 + zip(values, beta).reduce(0) { $0 + $1.0 * $1.1 } + noise * normal(&generator) }
        return Self(x: x, y: y, xTest: (0..<testRows).map { _ in row() })
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}

/// A standard normal draw (Box–Muller).
func normal(_ generator: inout SeededGenerator) -> Double {
    let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
    let v = Double.random(in: 0..<1, using: &generator)
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
}

/// max |a − b| / max |b|: the relative disagreement of two vectors of the same length.
func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    let scale = b.map(abs).max() ?? 0
    let difference = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    return scale == 0 ? difference : difference / scale
}
