public import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The process signals a service answers: SIGTERM/SIGINT stop it gracefully, SIGHUP reloads what can
/// change without a restart. Delivered as Dispatch events on one queue, never in a signal handler.
public final class ServiceSignals: @unchecked Sendable {
    // Sendable: `sources` is immutable after init and Dispatch sources are thread-safe to cancel.
    /// What the operator (or systemd) asked for.
    public enum Request: Sendable, Hashable {
        case stop(signal: Int32)
        case reload
    }

    private let sources: [any DispatchSourceSignal]

    /// Installs the sources; `handler` runs on `queue`. The default dispositions are replaced by SIG_IGN
    /// first, otherwise the kernel would still terminate the process before Dispatch sees the signal.
    public init(queue: DispatchQueue, handler: @escaping @Sendable (Request) -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for (number, request) in [(SIGTERM, Request.stop(signal: SIGTERM)), (SIGINT, .stop(signal: SIGINT)), (SIGHUP, .reload)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(request) }
            source.activate()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Stops listening (the signals stay ignored: a late SIGTERM during shutdown must not kill the stop).
    public func cancel() {
        for source in sources { source.cancel() }
    }
}
