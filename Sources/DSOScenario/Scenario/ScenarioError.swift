/// Everything wrong with a scenario file at once, so an engineer fixes it in one pass rather than one error per run.
public struct ScenarioError: Error, Sendable, Hashable, IssueReport {
    /// The scenario file the issues refer to.
    public var path: String
    /// All issues found, in file order.
    public var issues: [ScenarioIssue]

    public init(path: String, issues: [ScenarioIssue]) {
        self.path = path
        self.issues = issues
    }
}
