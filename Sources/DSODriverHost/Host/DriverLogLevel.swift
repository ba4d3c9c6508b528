/// Severity of a driver-host log line (the driver's own `DSO_LOG_*` levels map one to one).
public enum DriverLogLevel: Int32, Sendable, Hashable, Comparable, CustomStringConvertible {
    case debug = 0, info = 1, warning = 2, error = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }
}

/// Where the host's and the drivers' log lines go; called from I/O threads and the supervisor, never
/// from the kernel's cycle. Every message starts with `driver '<instance>'`.
public typealias DriverLogHandler = @Sendable (DriverLogLevel, String) -> Void
