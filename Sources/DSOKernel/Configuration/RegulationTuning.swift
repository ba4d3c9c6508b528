/// Gains of the regulation tracker; defaults suit battery fleets with seconds of command delay.
public struct RegulationTuning: Sendable, Hashable {
    /// How the regulation command is formed and shared out.
    public enum Strategy: String, Sendable, Hashable, CaseIterable {
        /// Feed-forward over known delays, delay-model correction, allocation by SOC-aware headroom.
        case tracking
        /// The textbook baseline: the raw target shared in proportion to rating, nothing else.
        /// Kept to measure the tracker against (Bench `regulation`).
        case naiveProportional = "naive"
    }

    public var strategy: Strategy
    /// Predict the signal this far ahead from its recent slope, as a fraction of each device's known
    /// delay plus lag (1 = full feed-forward, 0 = none).
    public var feedForwardFraction: Double
    /// Integral gain on the mismatch between the modelled and the measured fleet response, 1/s.
    public var mismatchIntegralGainPerSecond: Double
    /// Limit of the integral correction, fraction of the award.
    public var mismatchIntegralLimit: Double
    /// Time constant with which the integral correction decays, seconds (0: no decay).
    public var mismatchLeakSeconds: Double
    /// Weight of SOC restoration in the dispatch, $/kWh per unit of SOC outside the band's centre.
    public var socRestoringCostPerKWh: Double
    /// How much of each interface point's deviation band SOC management may use (0…1).
    public var socBandUseFraction: Double
    /// Hours over which an SOC deficit should be recovered through the deviation band.
    public var socRecoveryHours: Double
    /// Distance from the SOC band's centre (fraction of capacity) inside which the band is not used.
    public var socDeadBand: Double

    public init(
        strategy: Strategy = .tracking,
        feedForwardFraction: Double = 1.0,
        mismatchIntegralGainPerSecond: Double = 0.2,
        mismatchIntegralLimit: Double = 0.3,
        mismatchLeakSeconds: Double = 30,
        socRestoringCostPerKWh: Double = 0.05,
        socBandUseFraction: Double = 0.6,
        socRecoveryHours: Double = 0.5,
        socDeadBand: Double = 0.05
    ) {
        self.strategy = strategy
        self.feedForwardFraction = feedForwardFraction
        self.mismatchIntegralGainPerSecond = mismatchIntegralGainPerSecond
        self.mismatchIntegralLimit = mismatchIntegralLimit
        self.mismatchLeakSeconds = mismatchLeakSeconds
        self.socRestoringCostPerKWh = socRestoringCostPerKWh
        self.socBandUseFraction = socBandUseFraction
        self.socRecoveryHours = socRecoveryHours
        self.socDeadBand = socDeadBand
    }
}
