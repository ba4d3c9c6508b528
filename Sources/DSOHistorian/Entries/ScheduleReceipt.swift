public import DSOModel

/// A schedule interval as received (from the market layer, the ISO link or the operator API).
public struct ScheduleReceipt: Sendable, Hashable, Codable {
    public var id: Int64?
    public var wallTimeSeconds: Double
    /// Who sent it: `market`, `iso-link`, `api:<token name>`…
    public var source: String
    public var interfacePoint: Int
    public var startSeconds: Double
    public var endSeconds: Double
    public var netImportKW: Double
    /// Whether it was handed to the kernel (false: refused before, e.g. the ring was full).
    public var accepted: Bool

    public init(id: Int64? = nil, wallTimeSeconds: Double, source: String, entry: ScheduleEntry, accepted: Bool) {
        self.id = id
        self.wallTimeSeconds = wallTimeSeconds
        self.source = source
        self.interfacePoint = entry.interfacePoint
        self.startSeconds = entry.startSeconds
        self.endSeconds = entry.endSeconds
        self.netImportKW = entry.netImportKW
        self.accepted = accepted
    }

    public var entry: ScheduleEntry {
        ScheduleEntry(interfacePoint: interfacePoint, startSeconds: startSeconds, endSeconds: endSeconds,
                      netImportKW: netImportKW)
    }
}
