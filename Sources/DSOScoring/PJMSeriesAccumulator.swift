/// Turns a stream of (time, signal, response) samples into PJM hourly scores and a whole-run score.
///
/// Samples are averaged into 10-s slots aligned to multiples of 10 s; an hour closes (and is
/// scored) when the first sample of a later hour arrives. Memory: two lag accumulators plus the
/// finished hours, whatever the run length. Callers must feed times in non-decreasing order.
struct PJMSeriesAccumulator: Sendable {
    private static let slotSeconds = PJMPerformanceScore.samplePeriodSeconds
    private static let slotsPerHour = Int64(PJMPerformanceScore.hourSeconds / PJMPerformanceScore.samplePeriodSeconds)

    private(set) var completedHours: [PJMHourScore] = []
    private var wholeRun = LaggedCorrelationAccumulator()
    private var hour = LaggedCorrelationAccumulator()
    private var hourIndex: Int64?
    private var hourSkippedSampleCount = 0
    private(set) var skippedSampleCount = 0

    private var openSlot: Int64?
    private var openSlotSignalSum = 0.0
    private var openSlotResponseSum = 0.0
    private var openSlotSampleCount = 0

    /// Adds one input sample; a NaN or infinite signal or response is counted and skipped.
    mutating func record(timeSeconds: Double, signalMW: Double, responseMW: Double) {
        let slot = ScoringClock.slotIndex(timeSeconds: timeSeconds, widthSeconds: Self.slotSeconds)
        if slot != openSlot { moveToSlot(slot) }
        guard signalMW.isFinite, responseMW.isFinite else {
            hourSkippedSampleCount += 1
            skippedSampleCount += 1
            return
        }
        openSlotSignalSum += signalMW
        openSlotResponseSum += responseMW
        openSlotSampleCount += 1
    }

    /// The hour in progress, scored on what has arrived so far (including the open 10-s slot).
    func currentHour() -> PJMHourScore? {
        var copy = self
        copy.closeOpenSlot()
        return copy.scoreOfCurrentHour()
    }

    /// Every hour including the partial last one, and the score of the whole run as one series.
    func finished() -> (hours: [PJMHourScore], wholeRun: PJMPerformanceScore?) {
        var copy = self
        copy.closeOpenSlot()
        var hours = copy.completedHours
        if let last = copy.scoreOfCurrentHour() { hours.append(last) }
        return (hours, copy.wholeRun.score(skippedSampleCount: copy.skippedSampleCount))
    }

    private mutating func moveToSlot(_ slot: Int64) {
        if let previous = openSlot {
            closeOpenSlot()
            let emptySlots = Int(clamping: slot - previous - 1)
            wholeRun.pushGap(slotCount: emptySlots)
            if hourOf(slot) == hourIndex { hour.pushGap(slotCount: emptySlots) }
        }
        openSlot = slot
        let newHour = hourOf(slot)
        if newHour != hourIndex {
            if let finishedHour = scoreOfCurrentHour() { completedHours.append(finishedHour) }
            hour = LaggedCorrelationAccumulator()
            hourIndex = newHour
            hourSkippedSampleCount = 0
        }
    }

    /// Pushes the open slot's average (or a gap when it held no valid sample) and empties it.
    private mutating func closeOpenSlot() {
        guard openSlot != nil else { return }
        if openSlotSampleCount > 0 {
            let count = Double(openSlotSampleCount)
            let signal = openSlotSignalSum / count
            let response = openSlotResponseSum / count
            wholeRun.push(signalMW: signal, responseMW: response)
            hour.push(signalMW: signal, responseMW: response)
        } else {
            wholeRun.pushGap(slotCount: 1)
            hour.pushGap(slotCount: 1)
        }
        openSlotSignalSum = 0
        openSlotResponseSum = 0
        openSlotSampleCount = 0
    }

    private func scoreOfCurrentHour() -> PJMHourScore? {
        guard let hourIndex, let score = hour.score(skippedSampleCount: hourSkippedSampleCount) else { return nil }
        return PJMHourScore(hourStartSeconds: Double(hourIndex) * PJMPerformanceScore.hourSeconds, score: score)
    }

    private func hourOf(_ slot: Int64) -> Int64 {
        ScoringClock.floorDivide(slot, by: Self.slotsPerHour)
    }
}
