import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket bound to a port of 127.0.0.1 the kernel chose, listening unless told not to; the port stays
/// busy until the holder is released.
public final class PortHolder {
    public let socket: Int32
    public let port: Int

    public init(listening: Bool = true) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PeerError("no socket for a TCP port: errno \(errno)") }
        var address = loopbackAddress(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let socket = socket
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && (!listening || listen(socket, 4) == 0)
                    && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else {
            let reason = errno
            close(socket)
            throw PeerError("could not bind a TCP port on 127.0.0.1: errno \(reason)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }
}
