public import DSOHistorian
import Hummingbird
import ServiceLifecycle
import Synchronization

/// The operator HTTP API (Hummingbird 2): serves the status snapshot, the historian's records and
/// Prometheus metrics, and takes schedules from operators.
///
/// It never touches the kernel: reads come from the `StatusProvider` and the historian, schedules go out
/// through the `ScheduleSubmitter` (one serialised producer of the kernel's schedule ring).
public final class APIServer: Sendable {
    public let configuration: APIConfiguration
    private let routes: APIRoutes
    private let running = Mutex<(task: Task<Void, Never>, group: ServiceGroup)?>(nil)

    public init(configuration: APIConfiguration, status: any StatusProvider, historian: Historian?,
                submitSchedules: @escaping ScheduleSubmitter,
                wallClock: @escaping @Sendable () -> Double = WallClock.nowUnixSeconds) throws(APIConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        routes = APIRoutes(configuration: configuration, status: status, historian: historian,
                           submitSchedules: submitSchedules, wallClock: wallClock)
    }

    /// Binds and starts serving in the background; returns the bound port once the server listens.
    /// Throws `APIServerError.cannotListen` when the address cannot be bound.
    public func start() async throws -> Int {
        let router = Router(context: BasicRequestContext.self)
        routes.register(on: router)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
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
