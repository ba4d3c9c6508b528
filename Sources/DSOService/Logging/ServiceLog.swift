public import Foundation
import Synchronization

/// Line-oriented log on standard error. Under systemd (`JOURNAL_STREAM` set) each line carries a
/// `<priority>` prefix journald understands and no timestamp (journald adds it); elsewhere a UTC timestamp.
public final class ServiceLog: Sendable {
    /// syslog priorities used by the service.
    public enum Level: Int, Sendable, Comparable {
        case error = 3, warning = 4, notice = 5, info = 6, debug = 7
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
        var word: String {
            switch self {
            case .error: "error"
            case .warning: "warning"
            case .notice: "notice"
            case .info: "info"
            case .debug: "debug"
            }
        }
    }

    private let journal: Bool
    private let writeLock = Mutex(())
    private let sink: @Sendable (String) -> Void

    /// `sink` receives whole lines (with the trailing newline); default: standard error.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                sink: (@Sendable (String) -> Void)? = nil) {
        journal = environment["JOURNAL_STREAM"] != nil
        self.sink = sink ?? { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    public func log(_ level: Level, _ message: String) {
        let line: String
        if journal {
            line = "<\(level.rawValue)>\(message)\n"
        } else {
            line = "\(Self.timestamp()) \(level.word): \(message)\n"
        }
        writeLock.withLock { _ in sink(line) }
    }

    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func notice(_ message: String) { log(.notice, message) }
    public func info(_ message: String) { log(.info, message) }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1_000_000))
    }
}
