/// Why the historian could not open, write or was configured wrongly; each case names what and where.
public enum HistorianError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidConfiguration(key: String, value: String, expected: String)
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case stopped(path: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let key, let value, let expected):
            "historian: \(key) = \(value) is not valid; expected \(expected)"
        case .cannotOpen(let path, let reason): "historian: cannot open database \(path): \(reason)"
        case .writeFailed(let path, let reason): "historian: writing \(path) failed: \(reason)"
        case .readFailed(let path, let reason): "historian: reading \(path) failed: \(reason)"
        case .stopped(let path): "historian: \(path) is stopped and takes no more records"
        }
    }
}
