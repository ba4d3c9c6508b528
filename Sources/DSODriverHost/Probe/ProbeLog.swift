import Synchronization

/// One log line a driver (or its own threads) sent through `dso_host.log`, with the host-clock time it arrived.
public struct ProbeLogLine: Sendable, Hashable {
    public var level: DriverLogLevel
    /// `driver '<instance>': <text>`, as the service logs it.
    public var message: String
    public var timeNanoseconds: Int64
}

/// Collects a bench instance's log lines from any thread until the tool takes them.
final class ProbeLog: Sendable {
    private let lines = Mutex<[ProbeLogLine]>([])
    private let clock: HostClock

    init(clock: HostClock) { self.clock = clock }

    var handler: DriverLogHandler {
        { [self] level, message in
            let line = ProbeLogLine(level: level, message: message, timeNanoseconds: clock.now())
            lines.withLock { $0.append(line) }
        }
    }

    /// The lines logged since the last call.
    func take() -> [ProbeLogLine] { lines.withLock { taken in defer { taken.removeAll() }; return taken } }
}
