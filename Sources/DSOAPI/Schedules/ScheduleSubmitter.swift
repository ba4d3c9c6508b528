public import DSOModel

/// What became of a submission: how many entries the kernel's API ring took (the rest: ring full) and, when
/// the kernel answered in time, its verdict on each of those, in order.
public struct SubmissionOutcome: Sendable {
    /// One entry's verdict from the kernel: taken or refused, and why.
    public struct Verdict: Sendable, Hashable {
        public var accepted: Bool
        public var reason: String
        public init(accepted: Bool, reason: String) {
            self.accepted = accepted
            self.reason = reason
        }
    }

    public var queued: Int
    /// Nil when the kernel did not answer within the wait (the verdicts then show in the historian).
    public var verdicts: [Verdict]?

    public init(queued: Int, verdicts: [Verdict]?) {
        self.queued = queued
        self.verdicts = verdicts
    }
}

/// Hands validated schedule intervals to the kernel's API ring and waits (briefly) for the kernel's verdict
/// on each, so the answer tells what the kernel did, not what was asked. dsod backs it with the ring's one
/// producer, an `InboundRingWriter` actor, and the verdicts from the kernel's `scheduleOutcomes`.
public typealias ScheduleSubmitter = @Sendable ([ScheduleEntry]) async -> SubmissionOutcome
