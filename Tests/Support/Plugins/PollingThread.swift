import Foundation

/// Reads one plugin instance over and over on a thread of its own, as the host's I/O threads do, recording
/// each read's code, message, duration and one point's value.
// @unchecked Sendable: `instance` and `results` are touched only by the thread between `start` and `join`,
// and by the test's thread only after `join` returned (the semaphore orders the two).
public final class PollingThread: @unchecked Sendable {
    public struct Result {
        public var code: Int32
        public var message: String
        public var seconds: Double
        public var value: Double
    }

    private let instance: PluginInstance
    private let point: String
    private let reads: Int
    private let pauseSeconds: Double
    private let done = DispatchSemaphore(value: 0)
    public private(set) var results: [Result] = []

    public init(_ instance: PluginInstance, reading point: String, times reads: Int, pauseSeconds: Double = 0) {
        self.instance = instance
        self.point = point
        self.reads = reads
        self.pauseSeconds = pauseSeconds
    }

    public func start() {
        let thread = Thread { [self] in
            for _ in 0..<reads {
                let started = Date()
                let outcome = instance.attemptRead()
                results.append(Result(code: outcome.code, message: outcome.message,
                                      seconds: Date().timeIntervalSince(started), value: outcome.values[point]))
                if pauseSeconds > 0 { Thread.sleep(forTimeInterval: pauseSeconds) }
            }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the thread's last read; false after `timeoutSeconds`.
    public func join(timeoutSeconds: Double) -> Bool { done.wait(timeout: .now() + timeoutSeconds) == .success }
}
