import DSOAPI
import DSOKernel
import DSOModel
import DSORuntime
import Synchronization

/// Brings the kernel's verdicts (from `scheduleOutcomes`, on the control queue) back to the API requests
/// waiting for them, by the tickets their entries carry — so `POST /api/v1/schedules` answers with what the
/// kernel did (issue 14, finding 4), within `waitSeconds` (else 202 and the verdicts show in the historian).
final class ScheduleVerdicts: Sendable {
    typealias Result = (queued: Int, verdicts: [SubmissionOutcome.Verdict]?)

    private struct Pending {
        let count: Int
        var queued: Int?
        var verdicts: [SubmissionOutcome.Verdict?]
        var remaining: Int
        let continuation: CheckedContinuation<Result, Never>
    }

    private struct State {
        var nextTicket: UInt32 = 1
        var pending: [UInt32: Pending] = [:]
    }

    private let state = Mutex(State())
    private let ring: InboundRingWriter
    private let waitSeconds: Double

    init(ring: InboundRingWriter, waitSeconds: Double = 2) {
        self.ring = ring
        self.waitSeconds = waitSeconds
    }

    /// Pushes `entries` into the API ring with fresh tickets and waits for the kernel's verdict on each queued one.
    func submit(_ entries: [ScheduleEntry]) async -> SubmissionOutcome {
        guard !entries.isEmpty else { return SubmissionOutcome(queued: 0, verdicts: []) }
        let first = state.withLock { state in
            let first = state.nextTicket
            state.nextTicket &+= UInt32(entries.count)
            if state.nextTicket == 0 { state.nextTicket = 1 }
            return first
        }
        let stamped = entries.enumerated().map { offset, entry in
            var ticketed = entry
            ticketed.ticket = first &+ UInt32(offset)
            return ticketed
        }
        let result: Result = await withCheckedContinuation { continuation in
            state.withLock {
                $0.pending[first] = Pending(count: entries.count, verdicts: Array(repeating: nil, count: entries.count),
                                            remaining: entries.count, continuation: continuation)
            }
            Task { [ring, waitSeconds] in
                let queued = await ring.push(stamped.map { .schedule($0) })
                self.noteQueued(first, queued)
                try? await Task.sleep(nanoseconds: UInt64(waitSeconds * 1e9))
                self.expire(first)
            }
        }
        return SubmissionOutcome(queued: result.queued, verdicts: result.verdicts)
    }

    /// Control queue: the kernel's verdict on an API entry.
    func take(_ outcome: ScheduleOutcome) {
        guard outcome.producer == .api else { return }
        let ticket = outcome.entry.ticket
        let verdict = SubmissionOutcome.Verdict(accepted: outcome.verdict.isAccepted, reason: "\(outcome.verdict)")
        let done: (CheckedContinuation<Result, Never>, Result)? = state.withLock { state in
            guard let first = state.pending.keys.first(where: { ticket &- $0 < UInt32(state.pending[$0]!.count) }),
                  var pending = state.pending[first] else { return nil }
            let index = Int(ticket &- first)
            guard pending.verdicts[index] == nil else { return nil }
            pending.verdicts[index] = verdict
            pending.remaining -= 1
            return Self.settle(&state, first, pending)
        }
        if let (continuation, result) = done { continuation.resume(returning: result) }
    }

    private func noteQueued(_ first: UInt32, _ queued: Int) {
        let done: (CheckedContinuation<Result, Never>, Result)? = state.withLock { state in
            guard var pending = state.pending[first] else { return nil }
            pending.queued = queued
            // Entries the ring refused get no verdict: stop waiting for them.
            pending.remaining -= pending.count - queued
            return Self.settle(&state, first, pending)
        }
        if let (continuation, result) = done { continuation.resume(returning: result) }
    }

    /// Past the wait: answer with what is known (nil verdicts: the request gets a 202).
    private func expire(_ first: UInt32) {
        let done: (CheckedContinuation<Result, Never>, Result)? = state.withLock { state in
            guard let pending = state.pending.removeValue(forKey: first) else { return nil }
            return (pending.continuation, (pending.queued ?? 0, nil))
        }
        if let (continuation, result) = done { continuation.resume(returning: result) }
    }

    /// Stores `pending` back, or (when every queued entry has its verdict) removes it and returns what to resume.
    private static func settle(_ state: inout State, _ first: UInt32, _ pending: Pending)
        -> (CheckedContinuation<Result, Never>, Result)? {
        guard let queued = pending.queued, pending.remaining <= 0 else {
            state.pending[first] = pending
            return nil
        }
        state.pending.removeValue(forKey: first)
        return (pending.continuation, (queued, pending.verdicts.prefix(queued).map { $0! }))
    }
}
