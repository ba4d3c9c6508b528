import Synchronization

/// Log lines written by a thread under test (a driver host's I/O threads, the ISO link's), read by the test.
public final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    public func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// Every line so far, in order.
    public var all: [String] { lines.withLock { $0 } }

    public var text: String { all.joined(separator: "\n") }

    /// Whether some line contains `fragment`.
    public func contains(_ fragment: String) -> Bool { all.contains { $0.contains(fragment) } }
}
