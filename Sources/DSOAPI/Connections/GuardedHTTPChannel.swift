import HummingbirdCore
import Logging
import NIOCore
import NIOSSL

/// The API's HTTP/1 child channel with its guards: a connection beyond the limits is closed on arrival, a
/// request must arrive within its deadline, and with TLS configured every connection starts with a handshake
/// against the certificate in force when it was accepted (a SIGHUP reload serves new connections).
struct GuardedHTTPChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let registry: ConnectionRegistry
    let tls: TLSContextStore?

    var responder: HTTPChannelHandler.Responder { base.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let admitted = registry.admit(address)
        if admitted {
            let registry = registry
            channel.closeFuture.whenComplete { _ in registry.release(address) }
        }
        let timeout = TimeAmount.nanoseconds(Int64(registry.limits.requestTimeoutSeconds * 1e9))
        let context = tls?.current
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestDeadlineHandler(timeout: timeout))
            if let context { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context)) }
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }.map { value in
            // Failing the setup would reach the listener as an error and stop the server: close instead, so the
            // refused connection holds its descriptor only for the moment of the accept.
            if !admitted { channel.close(promise: nil) }
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
