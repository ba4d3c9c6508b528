/// The size, daily shape and wiggle of one simulated feeder load.
public struct LoadParameters: Sendable {
    /// Consumption at profile value 1, kW (positive).
    public var peakKW: Double
    /// Per-unit consumption over the day, shared with every other load that uses it.
    public var shape: Profile
    /// Multiplier on the profile.
    public var profileScale: Double
    /// Amplitude of the deterministic noise as a fraction of the current consumption (0: none).
    public var noiseFraction: Double
    /// Spacing of independent noise values, seconds.
    public var noiseCorrelationSeconds: Double
    /// Seed of the noise; different loads should use different seeds.
    public var seed: UInt64

    public init(
        peakKW: Double, shape: Profile, profileScale: Double = 1,
        noiseFraction: Double = 0, noiseCorrelationSeconds: Double = 1, seed: UInt64 = 0
    ) {
        self.peakKW = peakKW
        self.shape = shape
        self.profileScale = profileScale
        self.noiseFraction = noiseFraction
        self.noiseCorrelationSeconds = noiseCorrelationSeconds
        self.seed = seed
    }
}
