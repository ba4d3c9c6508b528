import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A built executable running beside the test (a service, a peer): output in files so no pipe can fill up,
/// signals and waits on demand, killed (SIGKILL) when released.
// @unchecked Sendable: `process` is only started, queried, signalled and waited on (thread-safe in Foundation);
// the URLs are immutable.
public final class BackgroundProcess: @unchecked Sendable {
    public let process = Process()
    public let stdoutURL: URL
    public let stderrURL: URL
    /// When `run` was called, for tests that time how long the process took to get somewhere.
    public let startedAt: Date

    /// Starts `executable arguments…` in `folder`; `tag` names its output files (`<tag>.stdout`, `<tag>.stderr`).
    /// The systemd variables of the test's own environment are removed (the child must not notify the runner's
    /// manager), then `environment` is merged in.
    public init(_ executable: URL, _ arguments: [String], in folder: URL, tag: String,
                environment: [String: String] = [:]) throws {
        stdoutURL = folder.appendingPathComponent("\(tag).stdout")
        stderrURL = folder.appendingPathComponent("\(tag).stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var merged = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"] { merged[key] = nil }
        merged.merge(environment) { $1 }
        process.environment = merged
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        startedAt = Date()
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    public func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for `text` to appear on standard error; false after `timeoutSeconds` or when the process ended without it.
    public func waitForLog(_ text: String, timeoutSeconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(50_000)
        }
        // One last look: a thread kept off the CPU past the deadline must not miss a line written meanwhile.
        return stderr.contains(text)
    }

    /// Waits for the exit; kills (SIGKILL) and returns nil after `timeoutSeconds`.
    public func waitForExit(timeoutSeconds: Double) -> (status: Int32, exited: Bool, seconds: Double)? {
        let started = Date()
        while process.isRunning, Date().timeIntervalSince(started) < timeoutSeconds { usleep(20_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .exit, Date().timeIntervalSince(started))
    }

    /// Waits for the exit without blocking a thread (at most `seconds`; then a test issue and SIGKILL); the status.
    @discardableResult
    public func wait(atMost seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) async -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(nanoseconds: 100_000_000) }
        if process.isRunning {
            Issue.record("\(process.executableURL?.lastPathComponent ?? "?") still running after \(seconds) s; killed",
                         sourceLocation: sourceLocation)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
