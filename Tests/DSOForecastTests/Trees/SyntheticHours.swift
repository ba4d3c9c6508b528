import DSOForecast
import Foundation
import OpenDSOTestSupport

/// Hourly rows with calendar and weather features and a load that depends on them non-linearly, as a
/// feeder's does: cooling load that grows with temperature in the afternoon only.
struct SyntheticHours: Encodable {
    static let names = ["hour", "weekday", "temperatureC", "lag24KW"]

    /// Row-major features; nil is a missing value (NaN), which JSON cannot carry.
    var x: [[Double?]]
    var y: [Double]

    var features: FeatureMatrix {
        FeatureMatrix(names: Self.names, rowMajor: x.flatMap { $0.map { $0 ?? .nan } })
    }

    /// `hours` consecutive hours from `startHour`; every `missingEvery`-th row lacks its temperature.
    static func load(hours: Int, startHour: Int = 0, missingEvery: Int? = nil, seed: UInt64) -> Self {
        var generator = SeededGenerator(seed: seed)
        var x: [[Double?]] = []
        var y: [Double] = []
        for index in 0..<hours {
            let absolute = startHour + index
            let hour = Double(absolute % 24)
            let weekday = Double((absolute / 24) % 7)
            let seasonal = 18 + 8 * sin(2 * Double.pi * Double(absolute) / (24 * 60))
            let temperature = seasonal + 5 * sin(2 * Double.pi * (hour - 9) / 24) + 2 * normal(&generator)
            let load = value(hour: hour, weekday: weekday, temperatureC: temperature) + 10 * normal(&generator)
            let lag = load + 30 * normal(&generator)
            let missing = missingEvery.map { index % $0 == $0 - 1 } ?? false
            x.append([hour, weekday, missing ? nil : temperature, lag])
            y.append(load)
        }
        return Self(x: x, y: y)
    }

    private static func value(hour: Double, weekday: Double, temperatureC: Double) -> Double {
        let daily = 300 + 150 * max(0, sin(Double.pi * (hour - 6) / 14))
        let cooling = temperatureC > 22 && hour >= 12 && hour <= 20 ? 25 * (temperatureC - 22) : 0
        return (weekday >= 5 ? 0.8 : 1) * daily + cooling
    }
}
