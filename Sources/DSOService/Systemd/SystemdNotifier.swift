public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Speaks systemd's sd_notify protocol without libsystemd: one datagram per state change, sent on an
/// AF_UNIX SOCK_DGRAM socket to `$NOTIFY_SOCKET` (a leading `@` names the abstract namespace).
///
/// Sending never blocks the caller for long and never raises SIGPIPE (MSG_NOSIGNAL); a failed send is
/// reported by the return value only, because a service must not stop because its supervisor is gone.
public final class SystemdNotifier: Sendable {
    /// `$NOTIFY_SOCKET` as given.
    public let socketPath: String
    /// The full watchdog interval systemd expects pings within (`WATCHDOG_USEC`), when it applies to us.
    public let watchdogIntervalSeconds: Double?
    private let descriptor: Int32
    /// The bytes of `sun_path` to use (abstract: leading NUL, no trailing NUL).
    private let addressBytes: [UInt8]

    /// Nil when `NOTIFY_SOCKET` is absent or unusable (not started by systemd with Type=notify).
    /// `WATCHDOG_USEC` is ignored when `WATCHDOG_PID` names another process.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()) {
        guard let path = environment["NOTIFY_SOCKET"], path.count > 1, path.hasPrefix("/") || path.hasPrefix("@") else {
            return nil
        }
        var bytes = Array(path.utf8)
        if bytes[0] == UInt8(ascii: "@") { bytes[0] = 0 }
        guard bytes.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else { return nil }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        socketPath = path
        addressBytes = bytes
        descriptor = fd
        watchdogIntervalSeconds = Self.watchdogInterval(environment: environment, pid: pid)
    }

    deinit { close(descriptor) }

    /// `WATCHDOG_USEC` in seconds, unless it is missing, invalid, or meant for another pid.
    static func watchdogInterval(environment: [String: String], pid: Int32) -> Double? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
        return Double(microseconds) / 1e6
    }

    /// How often to ping: half the watchdog interval, as sd_watchdog_enabled(3) recommends.
    public var watchdogPingIntervalSeconds: Double? { watchdogIntervalSeconds.map { $0 / 2 } }

    /// Sends newline-separated `KEY=VALUE` assignments; returns whether the datagram left.
    @discardableResult
    public func notify(_ state: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in addressBytes.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + addressBytes.count)
        let payload = Array(state.utf8)
        let sent = payload.withUnsafeBytes { body in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    sendto(descriptor, body.baseAddress, body.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
        return sent == payload.count
    }

    /// The service is up: the kernel runs its cycles.
    @discardableResult public func ready(status: String) -> Bool { notify("READY=1\nSTATUS=\(Self.oneLine(status))") }
    /// A one-line human summary (`systemctl status` shows it).
    @discardableResult public func status(_ text: String) -> Bool { notify("STATUS=\(Self.oneLine(text))") }
    /// The control loop keeps its deadlines.
    @discardableResult public func watchdog() -> Bool { notify("WATCHDOG=1") }
    /// The loop has missed its deadlines: ask systemd to act now rather than at the timeout.
    @discardableResult public func watchdogTrigger() -> Bool { notify("WATCHDOG=trigger") }
    /// A graceful stop has begun.
    @discardableResult public func stopping() -> Bool { notify("STOPPING=1") }
    /// A configuration reload has begun (end it with `ready(status:)`).
    @discardableResult public func reloading() -> Bool { notify("RELOADING=1") }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
