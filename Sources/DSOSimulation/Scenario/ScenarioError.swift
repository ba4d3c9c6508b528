/// Everything wrong with a scenario file at once, so an engineer fixes it in one pass rather than one error per run.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario file the issues refer to.
    public var path: String
    /// All issues found, in file order.
    public var issues: [ScenarioIssue]

    public init(path: String, issues: [ScenarioIssue]) {
        self.path = path
        self.issues = issues
    }

    /// One line per issue, each prefixed with the file path.
    public var description: String {
        issues.map { "\(path): \($0)" }.joined(separator: "\n")
    }

    /// Whether some issue is about `keyPath` (exactly, or a key below it).
    public func mentions(_ keyPath: String) -> Bool {
        issues.contains { $0.keyPath == keyPath || $0.keyPath.hasPrefix(keyPath + ".") || $0.keyPath.hasPrefix(keyPath + "[") }
    }
}
