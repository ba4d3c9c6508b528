/// Scores a regulation run live, one sample at a time, so operators see hourly and 15-minute results as they close.
///
/// Feed samples at any steady rate (2 s, 100 ms, …). PJM scoring averages them into 10-s
/// slots; CAISO scoring takes the first sample of each 4-s slot as set point and response. A PJM hour closes when the first sample of a later hour arrives, a CAISO interval
/// when the first sample of a later interval arrives. Cost is O(31) per 10-s slot and memory is
/// constant apart from the list of finished hours and intervals, so long runs stay cheap.
public struct RegulationScoreboard: Sendable {
    private var pjm = PJMSeriesAccumulator()
    private var caiso = CAISOSetPointSampler()
    private var lastTimeSeconds = -Double.infinity
    /// Samples dropped because their time was earlier than an already recorded one (or not finite).
    public private(set) var outOfOrderSampleCount = 0

    /// An empty scoreboard.
    public init() {}

    /// Adds one sample; a NaN or infinite signal or response is counted as skipped, a time
    /// earlier than the previous one is counted as out of order and ignored.
    public mutating func record(timeSeconds: Double, signalMW: Double, responseMW: Double) {
        guard timeSeconds.isFinite, timeSeconds >= lastTimeSeconds else {
            outOfOrderSampleCount += 1
            return
        }
        lastTimeSeconds = timeSeconds
        pjm.record(timeSeconds: timeSeconds, signalMW: signalMW, responseMW: responseMW)
        caiso.record(timeSeconds: timeSeconds, signalMW: signalMW, responseMW: responseMW)
    }

    /// PJM hours that have closed, in time order.
    public var completedPJMHours: [PJMHourScore] { pjm.completedHours }

    /// The PJM hour in progress, scored on the samples so far; nil before the first valid sample of the hour.
    public var currentPJM: PJMHourScore? { pjm.currentHour() }

    /// CAISO 15-minute intervals that have closed, in time order.
    public var completedCAISOIntervals: [CAISOIntervalScore] { caiso.flushedIntervals().completedIntervals }

    /// The CAISO interval in progress, scored on the set points so far.
    public var currentCAISO: CAISOIntervalScore? { caiso.flushedIntervals().currentInterval }

    /// Samples dropped because the signal or the response was NaN or infinite.
    public var skippedSampleCount: Int { pjm.skippedSampleCount }

    /// The whole run so far, partial last hour and interval included.
    public func summary() -> RegulationScoreSummary {
        let finished = pjm.finished()
        return RegulationScoreSummary(
            pjm: finished.wholeRun,
            pjmHours: finished.hours,
            caisoIntervals: caiso.flushedIntervals().allIntervals,
            skippedSampleCount: pjm.skippedSampleCount,
            outOfOrderSampleCount: outOfOrderSampleCount
        )
    }
}
