import Hummingbird
import NIOCore

/// Hummingbird's basic context plus where the request came from, for the audit trail.
struct APIRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// `ip:port` of the client, `unknown` if the socket no longer says.
    let remoteAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress.map { address in
            guard let ip = address.ipAddress else { return "\(address)" }
            let port = address.port.map { ":\($0)" } ?? ""
            return ip.contains(":") ? "[\(ip)]\(port)" : ip + port
        } ?? "unknown"
    }
}
