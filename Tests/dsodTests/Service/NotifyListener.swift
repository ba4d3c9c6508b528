import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The systemd side of sd_notify for tests: a bound AF_UNIX datagram socket that collects what dsod sends.
final class NotifyListener: @unchecked Sendable {
    // Sendable: `descriptor` is immutable; `receive` is called from one test task at a time.
    /// The value for `NOTIFY_SOCKET` (`@name` when abstract).
    let socketEnvironmentValue: String
    private let descriptor: Int32
    private let filePath: String?

    /// Binds a socket file in `folder`, or an abstract-namespace name when `abstract` is true.
    init(folder: String, abstract: Bool = false) throws {
        let name = abstract ? "opendso-test-\(UUID().uuidString.prefix(12))" : "\(folder)/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ListenerError("socket: errno \(errno)") }
        var bytes = Array(name.utf8)
        if abstract { bytes.insert(0, at: 0) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (index, byte) in bytes.enumerated() { raw[index] = byte } }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { close(fd); throw ListenerError("bind \(name): errno \(errno)") }
        descriptor = fd
        socketEnvironmentValue = abstract ? "@\(name)" : name
        filePath = abstract ? nil : name
    }

    deinit {
        close(descriptor)
        if let filePath { unlink(filePath) }
    }

    /// The next datagram, or nil after `timeoutSeconds`.
    func receive(timeoutSeconds: Double) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeoutSeconds * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// Collects datagrams until one satisfies `predicate` (returned with everything before it) or time runs out.
    func collect(until predicate: (String) -> Bool, timeoutSeconds: Double) -> (messages: [String], matched: Bool) {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var messages: [String] = []
        while Date() < deadline {
            guard let message = receive(timeoutSeconds: max(0.01, deadline.timeIntervalSinceNow)) else { continue }
            messages.append(message)
            if predicate(message) { return (messages, true) }
        }
        return (messages, false)
    }
}

struct ListenerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
