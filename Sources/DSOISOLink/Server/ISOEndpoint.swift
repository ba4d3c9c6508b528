#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 address and TCP port written `HOST:PORT` (e.g. `127.0.0.1:1502`), as on the command line.
public struct ISOEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`; the host must be a dotted IPv4 address, the port 0…65535 (0: any free port).
    public init(parsing text: String) throws(ISOLinkError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = Int(parts[1]), (0...65535).contains(port) else {
            throw .invalidSetting(key: "endpoint", value: text, expected: "HOST:PORT with a port 0…65535, e.g. 127.0.0.1:1502")
        }
        let host = String(parts[0])
        guard IPv4Address(host) != nil else {
            throw .invalidSetting(key: "endpoint", value: text, expected: "a dotted IPv4 host, e.g. 127.0.0.1 or 0.0.0.0")
        }
        self.init(host: host, port: port)
    }

    public var description: String { "\(host):\(port)" }
}

/// A dotted IPv4 address in network byte order, for the writers' allow-list.
public struct IPv4Address: Sendable, Hashable, CustomStringConvertible {
    public let networkOrder: UInt32

    public init?(_ text: String) {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        networkOrder = address.s_addr
    }

    init(networkOrder: UInt32) { self.networkOrder = networkOrder }

    public var description: String {
        var address = in_addr(s_addr: networkOrder)
        var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
