/// How well the fixed cycle held its grid, for health reporting and the watchdog decision.
public struct CycleStatistics: Sendable, Hashable {
    /// Handler invocations (cycles actually run).
    public let cycles: Int
    /// Grid points that got no cycle because ticks were merged (the loop fell behind).
    public let overruns: Int
    /// Cycles whose handler ended after the next grid point.
    public let deadlineMisses: Int
    /// Cycle-start lateness distribution.
    public let lateness: LatenessHistogram

    public init(cycles: Int, overruns: Int, deadlineMisses: Int, lateness: LatenessHistogram) {
        self.cycles = cycles
        self.overruns = overruns
        self.deadlineMisses = deadlineMisses
        self.lateness = lateness
    }

    /// Before the first cycle: nothing run, nothing missed.
    public static let none = CycleStatistics(cycles: 0, overruns: 0, deadlineMisses: 0,
                                             lateness: LatenessHistogram(bucketCounts: [], maxNanoseconds: 0))

    /// Largest cycle-start lateness, exact.
    public var maxLatenessNanoseconds: Int64 { lateness.maxNanoseconds }
    /// Median cycle-start lateness (bucket upper bound).
    public var p50LatenessNanoseconds: Int64 { lateness.percentileNanoseconds(0.50) }
    /// 99th percentile cycle-start lateness (bucket upper bound).
    public var p99LatenessNanoseconds: Int64 { lateness.percentileNanoseconds(0.99) }
    /// 99.9th percentile cycle-start lateness (bucket upper bound).
    public var p999LatenessNanoseconds: Int64 { lateness.percentileNanoseconds(0.999) }
}
