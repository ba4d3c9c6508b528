/// What `open` wrote into the error buffer when it returned NULL.
public struct OpenFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A `read` that did not return `DSO_OK`, with the text the plugin wrote into the error buffer.
public struct ReadFailure: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "read returned \(code): \(message)" }
}
