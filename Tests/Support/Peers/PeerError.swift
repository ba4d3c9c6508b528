/// A peer that misbehaved (did not start, did not answer a command); the message says what was expected.
public struct PeerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
