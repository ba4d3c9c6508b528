/// Sums one 15-minute interval at a time and keeps the finished intervals' scores.
///
/// Mileage counts every change between consecutive valid set points; a change that crosses an
/// interval boundary belongs to the interval of the later set point. Times must not decrease.
struct CAISOIntervalAccumulator: Sendable {
    private(set) var completedIntervals: [CAISOIntervalScore] = []
    private var intervalIndex: Int64?
    private var sumAbsoluteError = 0.0
    private var sumAbsoluteSetPoint = 0.0
    private var mileageMW = 0.0
    private var sampleCount = 0
    private var skippedSampleCount = 0
    private var previousSetPointMW: Double?

    /// Adds one set point and the response measured against it; non-finite pairs are skipped.
    mutating func record(timeSeconds: Double, setPointMW: Double, responseMW: Double) {
        moveToInterval(containing: timeSeconds)
        guard setPointMW.isFinite, responseMW.isFinite else {
            skippedSampleCount += 1
            return
        }
        if let previousSetPointMW { mileageMW += abs(setPointMW - previousSetPointMW) }
        previousSetPointMW = setPointMW
        sumAbsoluteError += abs(setPointMW - responseMW)
        sumAbsoluteSetPoint += abs(setPointMW)
        sampleCount += 1
    }

    /// Counts input samples that were dropped before reaching this accumulator.
    mutating func recordSkipped(timeSeconds: Double, count: Int) {
        moveToInterval(containing: timeSeconds)
        skippedSampleCount += count
    }

    /// The interval in progress, scored on what has arrived so far.
    var currentInterval: CAISOIntervalScore? {
        guard let intervalIndex, sampleCount > 0 else { return nil }
        let accuracy: Double
        if sumAbsoluteSetPoint <= 1e-12 {
            accuracy = sumAbsoluteError <= 1e-9 * Double(sampleCount) ? 1 : 0
        } else {
            accuracy = min(1, max(0, 1 - sumAbsoluteError / sumAbsoluteSetPoint))
        }
        return CAISOIntervalScore(
            intervalStartSeconds: Double(intervalIndex) * CAISOIntervalScore.intervalSeconds,
            accuracy: accuracy,
            mileageMW: mileageMW,
            sampleCount: sampleCount,
            skippedSampleCount: skippedSampleCount
        )
    }

    /// All intervals, the partial last one included.
    var allIntervals: [CAISOIntervalScore] {
        guard let current = currentInterval else { return completedIntervals }
        return completedIntervals + [current]
    }

    private mutating func moveToInterval(containing timeSeconds: Double) {
        let index = ScoringClock.slotIndex(timeSeconds: timeSeconds, widthSeconds: CAISOIntervalScore.intervalSeconds)
        guard index != intervalIndex else { return }
        if let finished = currentInterval { completedIntervals.append(finished) }
        intervalIndex = index
        sumAbsoluteError = 0
        sumAbsoluteSetPoint = 0
        mileageMW = 0
        sampleCount = 0
        skippedSampleCount = 0
    }
}
