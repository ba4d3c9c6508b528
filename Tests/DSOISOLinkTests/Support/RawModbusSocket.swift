@testable import DSOISOLink
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client of the link for what libmodbus will not send: trickled bytes, unknown functions,
/// foreign protocol ids, garbage. It can bind to another loopback address (127.0.0.2) to play a reader.
final class RawModbusSocket {
    let socket: Int32

    init(port: Int, from source: String = "127.0.0.1") throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawSocketError("socket: \(String(cString: strerror(errno)))") }
        var local = Self.address(source, port: 0)
        var remote = Self.address("127.0.0.1", port: port)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(socket)
            throw RawSocketError("bind \(source) / connect 127.0.0.1:\(port): \(reason)")
        }
    }

    deinit { Glibc.close(socket) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Exactly `count` bytes, or what arrived before the peer closed or `seconds` passed.
    func receive(_ count: Int, within seconds: Double = 2) -> [UInt8] {
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
    func isClosed(within seconds: Double) -> Bool {
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

    private static func address(_ host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = IPv4Address(host)?.networkOrder ?? 0
        return address
    }
}

/// Modbus TCP requests written byte by byte, as on the wire.
enum MBAPBytes {
    /// An MBAP header (transaction, protocol id, length = unit + PDU, unit 1) before `pdu`.
    static func request(transaction: UInt16, protocolID: UInt16 = 0, pdu: [UInt8]) -> [UInt8] {
        let length = UInt16(pdu.count + 1)
        return [UInt8(transaction >> 8), UInt8(transaction & 0xFF), UInt8(protocolID >> 8), UInt8(protocolID & 0xFF),
                UInt8(length >> 8), UInt8(length & 0xFF), 1] + pdu
    }

    /// Function 4: read `count` input registers from `address`.
    static func readInput(transaction: UInt16, address: UInt16, count: UInt16) -> [UInt8] {
        request(transaction: transaction, pdu: [4, UInt8(address >> 8), UInt8(address & 0xFF), UInt8(count >> 8), UInt8(count & 0xFF)])
    }
}

struct RawSocketError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
