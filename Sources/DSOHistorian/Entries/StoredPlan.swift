/// A plan as the historian keeps it: its kind (`day-ahead`, `intraday`), the operating day, when it was made and
/// where its first interval starts, and the whole plan as JSON (schedules, resource plans, bids, revenue) so
/// the API, the console and settlement read what was planned without depending on the planner's types.
public struct StoredPlan: Sendable, Hashable {
    public var id: Int64?
    public var wallTimeSeconds: Double
    public var kind: String
    public var day: String
    public var issueUnixSeconds: Int64
    public var firstIntervalUnixSeconds: Int64
    public var json: String

    public init(id: Int64? = nil, wallTimeSeconds: Double, kind: String, day: String, issueUnixSeconds: Int64,
                firstIntervalUnixSeconds: Int64, json: String) {
        self.id = id
        self.wallTimeSeconds = wallTimeSeconds
        self.kind = kind
        self.day = day
        self.issueUnixSeconds = issueUnixSeconds
        self.firstIntervalUnixSeconds = firstIntervalUnixSeconds
        self.json = json
    }
}
