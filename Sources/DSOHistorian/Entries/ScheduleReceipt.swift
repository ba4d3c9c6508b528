public import DSOModel

/// The kernel's verdict on a schedule interval, with who sent it and when it holds on the wall clock: the
/// audit trail of schedules, and what a restart restores the intervals in force from.
public struct ScheduleReceipt: Sendable, Hashable, Codable {
    public var id: Int64?
    public var wallTimeSeconds: Double
    /// Who sent it: `config:<file>`, `reload:<file>`, `market`, `iso-link`, `api`…
    public var source: String
    public var interfacePoint: Int
    /// Kernel time of the run that received it (kernel time restarts at 0 with every run).
    public var startSeconds: Double
    public var endSeconds: Double
    public var netImportKW: Double
    public var layer: ScheduleLayer
    /// The interval on the wall clock, UTC seconds since 1970 (nil in rows written before schema v3).
    public var startUnixSeconds: Double?
    public var endUnixSeconds: Double?
    /// Whether the kernel took it (false: refused, with the reason in the kernel's event).
    public var accepted: Bool
    /// The run that recorded it (set when read back).
    public var runID: Int64?

    public init(id: Int64? = nil, wallTimeSeconds: Double, source: String, entry: ScheduleEntry, accepted: Bool,
                startUnixSeconds: Double? = nil, endUnixSeconds: Double? = nil, runID: Int64? = nil) {
        self.id = id
        self.wallTimeSeconds = wallTimeSeconds
        self.source = source
        self.interfacePoint = entry.interfacePoint
        self.startSeconds = entry.startSeconds
        self.endSeconds = entry.endSeconds
        self.netImportKW = entry.netImportKW
        self.layer = entry.layer
        self.startUnixSeconds = startUnixSeconds
        self.endUnixSeconds = endUnixSeconds
        self.accepted = accepted
        self.runID = runID
    }

    public var entry: ScheduleEntry {
        ScheduleEntry(interfacePoint: interfacePoint, startSeconds: startSeconds, endSeconds: endSeconds,
                      netImportKW: netImportKW, layer: layer)
    }
}
