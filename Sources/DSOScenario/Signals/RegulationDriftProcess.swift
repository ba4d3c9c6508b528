import Foundation

/// Mean-reverting random motion (Ornstein–Uhlenbeck): the building block of both generated regulation signals.
///
/// Exact discretisation, so the statistics hold for any step: after `step` seconds the value
/// keeps `exp(−step/τ)` of itself and gains fresh noise that keeps the stationary spread `σ`.
struct RegulationDriftProcess: Sendable {
    var value: Double
    let timeConstantSeconds: Double
    let standardDeviation: Double

    mutating func advance(seconds step: Double, using noise: inout RegulationNoiseSource) -> Double {
        let retained = exp(-step / timeConstantSeconds)
        value = value * retained + standardDeviation * (1 - retained * retained).squareRoot() * noise.nextGaussian()
        return value
    }
}
