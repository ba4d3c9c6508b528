import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client for what well-behaved clients never send — trickled bytes, half-sent requests, unknown
/// Modbus functions, foreign protocol ids, garbage, floods. It can bind to another loopback address
/// (127.0.0.2) to play a second machine.
public final class RawTCPSocket {
    public let socket: Int32

    public init(port: Int, from source: String = "127.0.0.1") throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PeerError("socket: \(String(cString: strerror(errno)))") }
        var local = loopbackAddress(source, port: 0)
        var remote = loopbackAddress("127.0.0.1", port: port)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(socket)
            throw PeerError("bind \(source) / connect 127.0.0.1:\(port): \(reason)")
        }
    }

    deinit { Glibc.close(socket) }

    public func send(_ text: String) { send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Exactly `count` bytes, or what arrived before the peer closed or `seconds` passed.
    public func receive(_ count: Int, within seconds: Double = 2) -> [UInt8] {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        while bytes.count < count, Date() < deadline {
            guard waitReadable(until: deadline) else { break }
            var chunk = [UInt8](repeating: 0, count: count - bytes.count)
            let received = recv(socket, &chunk, chunk.count, 0)
            guard received > 0 else { break }
            bytes += chunk.prefix(received)
        }
        return bytes
    }

    /// True when the link closed the connection (end of stream or reset) within `seconds`.
    public func isClosed(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard waitReadable(until: deadline) else { return false }
            var byte: UInt8 = 0
            if recv(socket, &byte, 1, 0) <= 0 { return true }
        }
        return false
    }

    private func waitReadable(until deadline: Date) -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
        return poll(&descriptor, 1, milliseconds) > 0
    }
}
