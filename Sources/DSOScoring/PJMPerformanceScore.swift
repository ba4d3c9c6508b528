/// How well a resource followed a regulation signal, scored the way PJM Manual 12 pays for it.
///
/// All three component scores lie in 0…1; `composite` is their plain mean. The scores are
/// computed on 10-s samples (see `docs/scoring.md` for the exact formulas and conventions).
public struct PJMPerformanceScore: Sendable, Hashable {
    /// Pearson correlation between signal and response at the chosen delay, clamped to ≥ 0.
    public var accuracy: Double
    /// `|(δ* − 5 min) / 5 min|`: 1 for an immediate response, 0 for a response 5 minutes late.
    public var delay: Double
    /// `1 − mean|response − signal| / mean|signal|`, clamped to 0…1 (unshifted, δ = 0).
    public var precision: Double
    /// `(accuracy + delay + precision) / 3`: the number PJM settles performance payments on.
    public var composite: Double
    /// The response delay δ* (0…300 s, multiple of 10 s) that maximised correlation + delay score.
    public var bestDelaySeconds: Double
    /// Number of 10-s samples that entered the score (empty or invalid 10-s slots excluded).
    public var sampleCount: Int
    /// Number of input samples dropped because the signal or the response was NaN or infinite.
    public var skippedSampleCount: Int

    /// Builds a score from its components; `composite` is derived so the three always agree.
    public init(
        accuracy: Double,
        delay: Double,
        precision: Double,
        bestDelaySeconds: Double,
        sampleCount: Int,
        skippedSampleCount: Int = 0
    ) {
        self.accuracy = accuracy
        self.delay = delay
        self.precision = precision
        self.composite = (accuracy + delay + precision) / 3
        self.bestDelaySeconds = bestDelaySeconds
        self.sampleCount = sampleCount
        self.skippedSampleCount = skippedSampleCount
    }
}

extension PJMPerformanceScore {
    /// PJM scores on 10-s samples; faster inputs are averaged into 10-s slots.
    public static let samplePeriodSeconds: Double = 10
    /// The longest response delay PJM searches (5 minutes); its delay score is 0.
    public static let maximumDelaySeconds: Double = 300
    /// Length of one scored hour.
    public static let hourSeconds: Double = 3600

    /// PJM's delay score for a response that lags the signal by `delaySeconds`.
    public static func delayScore(delaySeconds: Double) -> Double {
        abs((delaySeconds - maximumDelaySeconds) / maximumDelaySeconds)
    }
}
