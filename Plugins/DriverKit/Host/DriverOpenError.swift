/// Why an instance could not be opened: a message naming the config key, file or value at fault.
public struct DriverOpenError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
