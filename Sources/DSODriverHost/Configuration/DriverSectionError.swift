/// Everything wrong with a file's `[[drivers]]` at once, each issue naming the file and its key.
public struct DriverSectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The TOML file the section was read from.
    public var path: String
    /// All issues, in reading order.
    public var issues: [DriverConfigurationError]

    public init(path: String, issues: [DriverConfigurationError]) {
        self.path = path
        self.issues = issues
    }

    /// One line per issue, each `FILE: KEY: message`.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }

    /// Whether some issue is about `keyPath` (exactly, or a key below it).
    public func mentions(_ keyPath: String) -> Bool {
        issues.contains { $0.key == keyPath || $0.key.hasPrefix(keyPath + ".") || $0.key.hasPrefix(keyPath + "[") }
    }
}
