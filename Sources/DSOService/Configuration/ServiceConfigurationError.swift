public import DSOScenario

/// Everything wrong with a service configuration at once, each issue naming its key (and file when it is
/// another file, such as the referenced scenario).
public struct ServiceConfigurationError: Error, Sendable, Hashable, IssueReport {
    /// The service configuration file.
    public var path: String
    /// All issues, in reading order; key paths of a referenced scenario are prefixed with its file.
    public var issues: [ScenarioIssue]

    public init(path: String, issues: [ScenarioIssue]) {
        self.path = path
        self.issues = issues
    }
}
