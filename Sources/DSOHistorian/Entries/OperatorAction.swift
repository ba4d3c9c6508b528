/// Something an operator did (or tried) through the API, with who, what and how it ended.
public struct OperatorAction: Sendable, Hashable, Codable {
    public var id: Int64?
    public var wallTimeSeconds: Double
    /// The name of the token used.
    public var actor: String
    /// `viewer` or `operator`.
    public var role: String
    /// What was asked, e.g. `submit_schedules`.
    public var action: String
    /// The request in short (JSON or text).
    public var detail: String
    /// How it ended, e.g. `accepted 3`, `refused: …`.
    public var outcome: String

    public init(id: Int64? = nil, wallTimeSeconds: Double, actor: String, role: String, action: String,
                detail: String, outcome: String) {
        self.id = id
        self.wallTimeSeconds = wallTimeSeconds
        self.actor = actor
        self.role = role
        self.action = action
        self.detail = detail
        self.outcome = outcome
    }
}
