/// How much the historian keeps and how often it commits: retention, decimation and commit cadence.
public struct HistorianConfiguration: Sendable, Hashable {
    /// Telemetry rows (cycles, interface samples, telemetry, events, schedule receipts) older than this are deleted, days.
    public var retentionDays: Double
    /// Audit rows (operator actions: API writes, refused authentication, signals) older than this are deleted,
    /// days; at least `minimumAuditRetentionDays`, whatever the telemetry retention.
    public var auditRetentionDays: Double
    /// Hourly telemetry means (`telemetry_hour`, the forecasts' history) older than this are deleted, days; kept
    /// longer than the raw telemetry they summarise (a year and more lets forecasters see last year's season).
    public var hourlyRetentionDays: Double
    /// Longest time a record waits in memory before its transaction commits; bounds what `kill -9` loses, s.
    public var commitIntervalSeconds: Double
    /// Store one cycle summary (with its interface point rows) every this many cycles; 1 stores every cycle.
    public var cycleSummaryEveryCycles: Int
    /// Store per-resource telemetry and set points at most this often, seconds on the kernel's clock.
    public var telemetryIntervalSeconds: Double
    /// How often the writer deletes rows past retention, s.
    public var retentionCheckIntervalSeconds: Double
    /// Entries allowed to wait for a commit; beyond this new entries are refused and counted, never blocking.
    public var maximumPendingEntries: Int

    /// NERC CIP-007 R4 keeps security event logs for at least 90 consecutive days.
    public static let minimumAuditRetentionDays: Double = 90

    public init(retentionDays: Double = 30, auditRetentionDays: Double = 365, hourlyRetentionDays: Double = 400,
                commitIntervalSeconds: Double = 0.25, cycleSummaryEveryCycles: Int = 1,
                telemetryIntervalSeconds: Double = 1, retentionCheckIntervalSeconds: Double = 600,
                maximumPendingEntries: Int = 200_000) {
        self.retentionDays = retentionDays
        self.auditRetentionDays = auditRetentionDays
        self.hourlyRetentionDays = hourlyRetentionDays
        self.commitIntervalSeconds = commitIntervalSeconds
        self.cycleSummaryEveryCycles = cycleSummaryEveryCycles
        self.telemetryIntervalSeconds = telemetryIntervalSeconds
        self.retentionCheckIntervalSeconds = retentionCheckIntervalSeconds
        self.maximumPendingEntries = maximumPendingEntries
    }

    /// Checks every value; the error names the setting, the value and what was expected.
    public func validate() throws(HistorianError) {
        func require(_ ok: Bool, _ key: String, _ value: Double, _ expected: String) throws(HistorianError) {
            if !ok { throw .invalidConfiguration(key: key, value: "\(value)", expected: expected) }
        }
        try require(retentionDays.isFinite && retentionDays > 0, "retention_days", retentionDays, "a number of days > 0")
        try require(auditRetentionDays.isFinite && auditRetentionDays >= Self.minimumAuditRetentionDays,
                    "audit_retention_days", auditRetentionDays, "a number of days ≥ \(Self.minimumAuditRetentionDays) (NERC CIP)")
        try require(hourlyRetentionDays.isFinite && hourlyRetentionDays >= retentionDays, "hourly_retention_days",
                    hourlyRetentionDays, "a number of days ≥ retention_days (\(retentionDays))")
        try require(commitIntervalSeconds.isFinite && commitIntervalSeconds > 0 && commitIntervalSeconds <= 1,
                    "commit_interval_s", commitIntervalSeconds, "seconds in (0, 1] (a crash may lose at most this much)")
        try require(cycleSummaryEveryCycles >= 1, "cycle_summary_every_cycles", Double(cycleSummaryEveryCycles),
                    "an integer ≥ 1")
        try require(telemetryIntervalSeconds.isFinite && telemetryIntervalSeconds >= 0, "telemetry_interval_s",
                    telemetryIntervalSeconds, "seconds ≥ 0 (0: every snapshot)")
        try require(retentionCheckIntervalSeconds.isFinite && retentionCheckIntervalSeconds > 0,
                    "retention_check_interval_s", retentionCheckIntervalSeconds, "seconds > 0")
        try require(maximumPendingEntries >= 1, "maximum_pending_entries", Double(maximumPendingEntries), "an integer ≥ 1")
    }
}
