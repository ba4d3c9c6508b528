/// Why the ISO link could not be set up; names the setting and what was expected.
public enum ISOLinkError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidSetting(key: String, value: String, expected: String)
    /// The listening socket could not be opened (address in use, not local…).
    case listenFailed(endpoint: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSetting(let key, let value, let expected):
            "ISO link: \(key) '\(value)' is not valid: expected \(expected)"
        case .listenFailed(let endpoint, let reason):
            "ISO link: cannot listen on \(endpoint): \(reason)"
        }
    }
}
