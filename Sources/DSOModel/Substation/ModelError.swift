/// A substation model that does not hold together; names the offending key.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var message: String
    public init(key: String, message: String) { self.key = key; self.message = message }
    public var description: String { "\(key): \(message)" }
}
