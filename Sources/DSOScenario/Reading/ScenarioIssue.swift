/// One thing wrong in a scenario file, located by its key path (e.g. `batteries[3].capacity_kwh`).
public struct ScenarioIssue: Sendable, Hashable, CustomStringConvertible {
    /// Dotted key path; array elements are 0-based, as in `pv_fleets[0].count`.
    public var keyPath: String
    /// What was found and what was expected.
    public var message: String

    public init(keyPath: String, message: String) {
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String { "\(keyPath): \(message)" }
}
