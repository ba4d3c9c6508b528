/// One clock hour's PJM score: PJM settles regulation performance hour by hour.
public struct PJMHourScore: Sendable, Hashable {
    /// Start of the clock hour (a multiple of 3600 s on the caller's time axis).
    public var hourStartSeconds: Double
    /// The hour's score; for a partial hour, computed on the samples that exist.
    public var score: PJMPerformanceScore
    /// True when the hour held fewer than 360 ten-second samples (start or end of a run, gaps).
    public var isPartial: Bool { score.sampleCount < 360 }

    /// Pairs an hour start with its score.
    public init(hourStartSeconds: Double, score: PJMPerformanceScore) {
        self.hourStartSeconds = hourStartSeconds
        self.score = score
    }
}

extension Sequence where Element == PJMHourScore {
    /// Mean of hourly composites weighted by each hour's 10-s sample count, so a 5-minute
    /// fragment of an hour weighs 1/12 of a full hour; nil when no hour has samples.
    public func sampleWeightedComposite() -> Double? {
        var weighted = 0.0
        var count = 0
        for hour in self {
            weighted += hour.score.composite * Double(hour.score.sampleCount)
            count += hour.score.sampleCount
        }
        return count > 0 ? weighted / Double(count) : nil
    }
}
