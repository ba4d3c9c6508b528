/// The scores of a whole regulation run, PJM and CAISO side by side, for reports and acceptance checks.
public struct RegulationScoreSummary: Sendable, Hashable {
    /// PJM score of the whole run as one series (correlation search over all of it); nil if empty.
    public var pjm: PJMPerformanceScore?
    /// Every clock hour scored alone, the partial last hour included.
    public var pjmHours: [PJMHourScore]
    /// Hourly composites averaged with 10-s sample counts as weights; nil if no hour was scored.
    public var pjmHourlyComposite: Double?
    /// Every 15-minute interval, the partial last one included.
    public var caisoIntervals: [CAISOIntervalScore]
    /// Plain mean of the interval accuracies (each interval counts once); nil if none.
    public var caisoMeanAccuracy: Double?
    /// Sum of the interval mileages in MW.
    public var caisoTotalMileageMW: Double
    /// Samples dropped because a value was NaN or infinite.
    public var skippedSampleCount: Int
    /// Samples dropped because their time was earlier than an already recorded one.
    public var outOfOrderSampleCount: Int

    /// Assembles a summary; `RegulationScoreboard.summary()` is the usual source.
    public init(
        pjm: PJMPerformanceScore?,
        pjmHours: [PJMHourScore],
        caisoIntervals: [CAISOIntervalScore],
        skippedSampleCount: Int,
        outOfOrderSampleCount: Int
    ) {
        self.pjm = pjm
        self.pjmHours = pjmHours
        self.pjmHourlyComposite = pjmHours.sampleWeightedComposite()
        self.caisoIntervals = caisoIntervals
        self.caisoMeanAccuracy = caisoIntervals.isEmpty
            ? nil
            : caisoIntervals.reduce(0) { $0 + $1.accuracy } / Double(caisoIntervals.count)
        self.caisoTotalMileageMW = caisoIntervals.reduce(0) { $0 + $1.mileageMW }
        self.skippedSampleCount = skippedSampleCount
        self.outOfOrderSampleCount = outOfOrderSampleCount
    }
}
