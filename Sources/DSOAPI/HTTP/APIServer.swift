public import DSOHistorian
public import DSOModel
import Hummingbird
import HummingbirdCore
import NIOCore
import ServiceLifecycle
import Synchronization

/// The operator HTTP API (Hummingbird 2): serves the status snapshot, the historian's records and
/// Prometheus metrics, and takes schedules from operators.
///
/// It never touches the kernel: reads come from the `StatusProvider` and the historian, schedules go out
/// through the `ScheduleSubmitter` (one serialised producer of the kernel's schedule ring) once the shared
/// `ScheduleAdmission` has passed them. Its connections are capped and deadlined (`APIConnectionLimits`) so
/// no client can take the descriptors or threads the ISO link and the kernel need.
public final class APIServer: Sendable {
    public let configuration: APIConfiguration
    private let routes: APIRoutes
    private let connections: ConnectionRegistry
    private let tls: TLSContextStore?
    private let running = Mutex<(task: Task<Void, Never>, group: ServiceGroup)?>(nil)

    /// `auditLog` takes the audit trail's journal lines (dsod: its service log, which journald keeps).
    public init(configuration: APIConfiguration, status: any StatusProvider, historian: Historian?,
                admission: ScheduleAdmission, submitSchedules: @escaping ScheduleSubmitter,
                auditLog: @escaping @Sendable (_ line: String, _ isRefusal: Bool) -> Void = { _, _ in },
                wallClock: @escaping @Sendable () -> Double = WallClock.nowUnixSeconds) throws(APIConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        connections = ConnectionRegistry(limits: configuration.connections)
        tls = try configuration.tls.map { files throws(APIConfigurationError) in try TLSContextStore(files: files) }
        routes = APIRoutes(configuration: configuration, status: status, historian: historian, admission: admission,
                           submitSchedules: submitSchedules,
                           audit: APIAuditTrail(historian: historian, journal: auditLog, wallClock: wallClock),
                           connections: connections)
    }

    /// `https` with TLS configured, else `http`.
    public var scheme: String { tls == nil ? "http" : "https" }

    /// Connections open now, and those closed on arrival because a limit was reached (since start).
    public var openConnections: Int { connections.openConnections }
    public var refusedConnections: Int { connections.refusedConnections }

    /// Re-reads the TLS certificate and key (SIGHUP); new connections get them, open ones keep theirs.
    /// Without TLS it does nothing. On failure the certificate in force stays and the error says why.
    public func reloadTLS() throws(APIConfigurationError) {
        try tls?.reload()
    }

    /// Binds and starts serving in the background; returns the bound port once the server listens.
    /// Throws `APIServerError.cannotListen` when the address cannot be bound.
    public func start() async throws -> Int {
        let router = Router(context: APIRequestContext.self)
        routes.register(on: router)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let registry = connections, tls = tls
        let idle = TimeAmount.nanoseconds(Int64(configuration.connections.idleTimeoutSeconds * 1e9))
        let application = Application(
            router: router,
            server: HTTPServerBuilder { responder in
                GuardedHTTPChannel(base: HTTP1Channel(responder: responder, configuration: .init(
                                       additionalChannelHandlers: [RequestReceivedSignal()], idleTimeout: idle)),
                                   registry: registry, tls: tls)
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "OpenDSO"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        let failure = Mutex<String?>(nil)
        // A service group of one, so `stop()` can shut the server down gracefully (finish requests, close
        // the listener) instead of cancelling it; no signal handling here: dsod owns its signals.
        let group = ServiceGroup(configuration: .init(services: [application], logger: application.logger))
        let task = Task {
            do { try await group.run() } catch { failure.withLock { $0 = "\(error)" } }
            continuation.finish()
        }
        running.withLock { $0 = (task, group) }
        for await port in ports { return port }
        throw APIServerError.cannotListen(host: configuration.host, port: configuration.port,
                                          reason: failure.withLock { $0 } ?? "the server stopped before listening")
    }

    /// Stops serving and waits until the listener is closed.
    public func stop() async {
        guard let (task, group) = running.withLock({ state in defer { state = nil }; return state }) else { return }
        await group.triggerGracefulShutdown()
        await task.value
    }
}

/// Why the API server could not start.
public enum APIServerError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason): "api: cannot listen on \(host):\(port): \(reason)"
        }
    }
}
