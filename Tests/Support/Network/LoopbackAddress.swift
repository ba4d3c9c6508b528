import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 socket address on a loopback host (127.0.0.1, or 127.0.0.2 to play a second peer); port 0 lets the
/// kernel choose.
public func loopbackAddress(_ host: String = "127.0.0.1", port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr(host)
    return address
}
