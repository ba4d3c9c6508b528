public import DSOSimulation

/// Everything wrong with a service configuration at once, each issue naming its key (and file when it is
/// another file, such as the referenced scenario).
public struct ServiceConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The service configuration file.
    public var path: String
    /// All issues, in reading order; key paths of a referenced scenario are prefixed with its file.
    public var issues: [ScenarioIssue]

    public init(path: String, issues: [ScenarioIssue]) {
        self.path = path
        self.issues = issues
    }

    /// One line per issue, each prefixed with the configuration file's path.
    public var description: String {
        issues.map { "\(path): \($0)" }.joined(separator: "\n")
    }

    /// Whether some issue is about `keyPath` (exactly, or a key below it).
    public func mentions(_ keyPath: String) -> Bool {
        issues.contains { $0.keyPath == keyPath || $0.keyPath.hasPrefix(keyPath + ".") || $0.keyPath.hasPrefix(keyPath + "[") }
    }
}
