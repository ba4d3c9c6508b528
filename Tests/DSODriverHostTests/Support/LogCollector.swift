import DSODriverHost
import Synchronization

/// Collects the host's log lines (from any thread) so tests can assert what was logged.
final class LogCollector: Sendable {
    private let lines = Mutex<[(DriverLogLevel, String)]>([])

    var handler: DriverLogHandler {
        { [self] level, message in lines.withLock { $0.append((level, message)) } }
    }

    var messages: [String] { lines.withLock { $0.map(\.1) } }

    func contains(_ fragment: String) -> Bool { messages.contains { $0.contains(fragment) } }

    var text: String { messages.joined(separator: "\n") }
}
