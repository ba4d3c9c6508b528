/// Something an operator did (or tried) through the API or by signal, with who, from where, what and how it
/// ended: the audit trail (kept for `auditRetentionDays`, apart from telemetry).
public struct OperatorAction: Sendable, Hashable, Codable {
    public var id: Int64?
    public var wallTimeSeconds: Double
    /// The name of the token used.
    public var actor: String
    /// `viewer` or `operator`; empty when the request carried no valid token.
    public var role: String
    /// Where the request came from (`ip:port`), or the service's own channel (`signal:SIGHUP` has none: empty).
    public var remoteAddress: String
    /// What was asked, e.g. `submit_schedules`.
    public var action: String
    /// The request in short (JSON or text).
    public var detail: String
    /// How it ended, e.g. `accepted 3`, `refused: …`.
    public var outcome: String

    public init(id: Int64? = nil, wallTimeSeconds: Double, actor: String, role: String, action: String,
                detail: String, outcome: String, remoteAddress: String = "") {
        self.id = id
        self.wallTimeSeconds = wallTimeSeconds
        self.actor = actor
        self.role = role
        self.remoteAddress = remoteAddress
        self.action = action
        self.detail = detail
        self.outcome = outcome
    }
}
