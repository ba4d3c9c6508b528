import DSOModel
import DSORuntime

/// Phase 1: takes everything the slower layers sent since the last cycle, validating each message.
///
/// Producers are drained one ring after the other in `InboundProducer` order (market, schedule files, API,
/// ISO link, operator commands), each ring oldest first, so the same inputs always apply in the same order.
/// A message with a bad value is refused with an event naming the value; it never reaches control.
public enum DrainInboundPhase {
    /// The producers in drain order, kept in a stored array so a cycle does not build one.
    static let drainOrder = InboundProducer.allCases.sorted { $0.rawValue < $1.rawValue }

    public static func run(_ kernel: ControlKernel) {
        for producer in drainOrder {
            kernel.inbound.ring(producer).drain { message in
                if let journal = kernel.journal, !journal.push(InboundRecord(producer: producer, message: message)) {
                    kernel.counters.droppedJournalRecords &+= 1
                }
                accept(message, from: producer, kernel)
            }
        }
    }

    static func accept(_ message: InboundMessage, from producer: InboundProducer, _ kernel: ControlKernel) {
        switch message {
        case .schedule(let entry): accept(entry, from: producer, kernel)
        case .regulation(let regulation): accept(regulation, kernel)
        case .command(let command): accept(command, kernel)
        }
    }

    /// Admission of a schedule entry into its layer's table; the verdict goes out on `scheduleOutcomes`.
    static func accept(_ entry: ScheduleEntry, from producer: InboundProducer, _ kernel: ControlKernel) {
        let verdict = admit(entry, kernel)
        if !kernel.scheduleOutcomes.push(ScheduleOutcome(producer: producer, entry: entry, verdict: verdict,
                                                         timeSeconds: kernel.nowSeconds)) {
            kernel.counters.droppedScheduleOutcomes &+= 1
        }
        guard !verdict.isAccepted else { return }
        kernel.counters.refusedSchedules &+= 1
        kernel.raise(KernelEvent(code: .scheduleRefused, timeSeconds: kernel.nowSeconds,
                                 subject: Int32(clamping: entry.interfacePoint), value: entry.netImportKW,
                                 detail: entry.startSeconds))
    }

    static func admit(_ entry: ScheduleEntry, _ kernel: ControlKernel) -> ScheduleOutcome.Verdict {
        guard entry.interfacePoint >= 0 && entry.interfacePoint < kernel.interfacePoints.count else {
            return .unknownInterfacePoint
        }
        guard entry.startSeconds.isFinite && entry.endSeconds.isFinite && entry.startSeconds < entry.endSeconds
                && entry.netImportKW.isFinite else { return .invalidValues }
        guard entry.endSeconds > kernel.nowSeconds else { return .alreadyEnded }
        guard entry.endSeconds - kernel.nowSeconds <= kernel.configuration.scheduleHorizonSeconds else {
            return .beyondHorizon
        }
        return kernel.interfacePoints.schedule(entry.interfacePoint, entry.layer).insert(
            startSeconds: entry.startSeconds, endSeconds: entry.endSeconds,
            netImportKW: entry.netImportKW, nowSeconds: kernel.nowSeconds)
    }

    static func accept(_ message: RegulationMessage, _ kernel: ControlKernel) {
        switch message.kind {
        case .signal:
            let inRange = message.value.isFinite && abs(message.value) <= 1 + 1e-9
            let backwards = kernel.regulation.hasSequence && message.sequence < kernel.regulation.lastSequence
            guard inRange && !backwards else {
                kernel.regulation.refusedMessages &+= 1
                kernel.raise(KernelEvent(code: .regulationMessageRefused, timeSeconds: kernel.nowSeconds, subject: -1,
                                         value: message.value, detail: Double(message.sequence)))
                return
            }
            var regulation = kernel.regulation
            if !regulation.hasSequence || message.sequence != regulation.lastSequence {
                regulation.previousSignal = regulation.signal
                regulation.previousSignalReceivedSeconds = regulation.signalReceivedSeconds
                regulation.signal = min(1, max(-1, message.value))
            }
            regulation.signalReceivedSeconds = message.receivedSeconds
            regulation.lastSequence = message.sequence
            regulation.hasSequence = true
            kernel.regulation = regulation
        case .awardKW:
            guard message.value.isFinite && message.value >= 0 else {
                kernel.regulation.refusedMessages &+= 1
                kernel.raise(KernelEvent(code: .regulationMessageRefused, timeSeconds: kernel.nowSeconds, subject: -1,
                                         value: message.value))
                return
            }
            kernel.regulation.awardKW = message.value
        }
    }

    static func accept(_ command: OperatorCommand, _ kernel: ControlKernel) {
        switch command {
        case .setResourceEnabled(let resource, let enabled):
            guard resource >= 0 && resource < kernel.resources.count else {
                kernel.counters.refusedCommands &+= 1
                kernel.raise(KernelEvent(code: .commandRefused, timeSeconds: kernel.nowSeconds,
                                         subject: Int32(clamping: resource)))
                return
            }
            kernel.state.enabled[resource] = enabled
        case .setRegulationEnabled(let enabled):
            kernel.regulation.enabled = enabled
        }
    }
}
