public import DSOKernel

/// The kernel's verdict on one schedule interval, with who sent it and when the interval holds on the wall
/// clock — what the audit trail records and what a restart restores from.
public struct ScheduleVerdict: Sendable {
    public var outcome: ScheduleOutcome
    /// `config:<file>`, `reload:<file>`, a restored interval's original source, `api`, `iso-link`, `market`…
    public var source: String
    /// The interval in UTC, seconds since 1970 (kernel time + the run's epoch).
    public var startUnixSeconds: Double
    public var endUnixSeconds: Double

    public init(outcome: ScheduleOutcome, source: String, startUnixSeconds: Double, endUnixSeconds: Double) {
        self.outcome = outcome
        self.source = source
        self.startUnixSeconds = startUnixSeconds
        self.endUnixSeconds = endUnixSeconds
    }
}
