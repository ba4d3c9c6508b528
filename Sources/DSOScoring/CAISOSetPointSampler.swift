/// Reduces a faster stream to CAISO's 4-s set points before interval scoring.
///
/// Each 4-s slot (aligned to multiples of 4 s) yields one pair: the signal and the response of
/// the first valid sample in the slot. An AGC set point is sent once per 4 s and held, and the
/// response is read at the same instant, as 4-s telemetry would; averaging only the response
/// would make a perfect follower look imperfect.
struct CAISOSetPointSampler: Sendable {
    private(set) var intervals = CAISOIntervalAccumulator()
    private var openSlot: Int64?
    private var setPointMW: Double?
    private var responseMW: Double?
    private var skippedCount = 0

    mutating func record(timeSeconds: Double, signalMW: Double, responseMW: Double) {
        let slot = ScoringClock.slotIndex(timeSeconds: timeSeconds, widthSeconds: CAISOIntervalScore.setPointPeriodSeconds)
        if slot != openSlot {
            closeOpenSlot()
            openSlot = slot
        }
        guard signalMW.isFinite, responseMW.isFinite else {
            skippedCount += 1
            return
        }
        if setPointMW == nil {
            setPointMW = signalMW
            self.responseMW = responseMW
        }
    }

    /// The interval accumulator with the open 4-s slot included, for queries mid-slot.
    func flushedIntervals() -> CAISOIntervalAccumulator {
        var copy = self
        copy.closeOpenSlot()
        return copy.intervals
    }

    private mutating func closeOpenSlot() {
        guard let openSlot else { return }
        let slotStartSeconds = Double(openSlot) * CAISOIntervalScore.setPointPeriodSeconds
        if skippedCount > 0 { intervals.recordSkipped(timeSeconds: slotStartSeconds, count: skippedCount) }
        if let setPointMW, let responseMW {
            intervals.record(timeSeconds: slotStartSeconds, setPointMW: setPointMW, responseMW: responseMW)
        }
        self.openSlot = nil
        setPointMW = nil
        responseMW = nil
        skippedCount = 0
    }
}
