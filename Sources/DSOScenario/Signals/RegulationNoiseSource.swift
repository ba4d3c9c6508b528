import Foundation

/// SplitMix64 with Gaussian draws: the same seed gives the same signal on every platform and Swift version.
///
/// `SystemRandomNumberGenerator` cannot be seeded and Foundation's generators differ across
/// platforms; scenarios must replay bit-for-bit, so the generators use this.
struct RegulationNoiseSource: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Uniform in the open interval (0, 1), never 0 so `log` stays finite.
    mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992  // 2^53
    }

    /// Standard normal draw (Box–Muller, one value per pair of uniforms for simplicity).
    mutating func nextGaussian() -> Double {
        let radius = (-2 * log(nextOpenUnit())).squareRoot()
        return radius * cos(2 * Double.pi * nextOpenUnit())
    }
}
