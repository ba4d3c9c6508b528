/// A failed read or write: the ABI return code and a message naming the point and value.
public struct DriverCallError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public init(_ code: Int32, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { message }
}
