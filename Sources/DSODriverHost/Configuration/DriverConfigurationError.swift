/// A driver configuration that cannot work; names the file (when known), the key and what was expected.
public struct DriverConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration file, when the configuration came from one.
    public var file: String?
    /// Key path of the offending entry, e.g. `drivers[0].points[2].resource`.
    public var key: String
    public var message: String

    public init(file: String? = nil, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String { (file.map { "\($0): " } ?? "") + "\(key): \(message)" }
}
