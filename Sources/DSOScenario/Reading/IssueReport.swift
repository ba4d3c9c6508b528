/// A file's issues reported all at once, each naming its key: what scenario and service-configuration errors share.
public protocol IssueReport: CustomStringConvertible {
    /// The file the issues refer to.
    var path: String { get }
    /// All issues, in reading order.
    var issues: [ScenarioIssue] { get }
}

extension IssueReport {
    /// One line per issue, each prefixed with the file path.
    public var description: String {
        issues.map { "\(path): \($0)" }.joined(separator: "\n")
    }

    /// Whether some issue is about `keyPath` (exactly, or a key below it).
    public func mentions(_ keyPath: String) -> Bool {
        issues.contains { $0.keyPath == keyPath || $0.keyPath.hasPrefix(keyPath + ".") || $0.keyPath.hasPrefix(keyPath + "[") }
    }
}
