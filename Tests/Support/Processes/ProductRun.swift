import Dispatch
import Foundation

/// What one run of a built executable did: how it ended and what it printed.
public struct ProductRunResult: Sendable, CustomStringConvertible {
    public var command: String
    public var arguments: [String]
    public var status: Int32
    /// False when the process died of a signal (a Swift trap, a crash) rather than exiting.
    public var exited: Bool
    public var stdout: String
    public var stderr: String
    public var wallSeconds: Double
    /// True when the run was killed at its timeout.
    public var timedOut: Bool

    /// Everything printed, for messages that may go to either stream.
    public var output: String { stdout + stderr }

    public var description: String {
        "\(command) \(arguments.joined(separator: " ")) → \(exited ? "exit" : "signal") \(status)\(timedOut ? " (killed at timeout)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }

    /// Whether the output carries the marks of a crash rather than a handled error.
    public var looksLikeACrash: Bool {
        let markers = ["Fatal error", "Stack dump", "Current stack trace", "Illegal instruction", "Segmentation fault",
                       "Program crashed", "Trace/breakpoint trap", "Crash at"]
        return !exited || markers.contains { output.contains($0) }
    }
}

/// Runs a built executable to completion with captured output (files, so no pipe fills up) and a timeout.
public enum ProductRun {
    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `executable arguments…` in `folder`; `input` is written to its stdin (none: /dev/null). Killed (SIGKILL)
    /// after `timeoutSeconds`, reported through `timedOut`.
    public static func run(_ executable: URL, _ arguments: [String], in folder: TemporaryFolder,
                           input: String? = nil, environment: [String: String] = [:],
                           timeoutSeconds: Double = 120) async throws -> ProductRunResult {
        let tag = UUID().uuidString.prefix(8)
        let outURL = folder.url.appendingPathComponent(".run-\(tag).stdout")
        let errURL = folder.url.appendingPathComponent(".run-\(tag).stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        var inputPipe: Pipe?
        if input != nil {
            inputPipe = Pipe()
            process.standardInput = inputPipe
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let box = ProcessBox(process)
        let started = DispatchTime.now().uptimeNanoseconds
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            if let input, let inputPipe {
                inputPipe.fileHandleForWriting.write(Data(input.utf8))
                try? inputPipe.fileHandleForWriting.close()
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) {
                if box.process.isRunning {
                    box.markTimedOut()
                    kill(box.process.processIdentifier, SIGKILL)
                }
            }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) * 1e-9
        try outHandle.close()
        try errHandle.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return ProductRunResult(command: executable.lastPathComponent, arguments: arguments, status: process.terminationStatus,
                                exited: process.terminationReason == .exit, stdout: stdout, stderr: stderr,
                                wallSeconds: wall, timedOut: box.timedOut)
    }
}

/// Carries the process into the timeout closure; Process itself is not Sendable.
private final class ProcessBox: @unchecked Sendable {
    // Sendable: `process` is only queried and signalled (thread-safe in Foundation); `timedOut` is guarded by `lock`.
    let process: Process
    private let lock = NSLock()
    private var killedAtTimeout = false
    init(_ process: Process) { self.process = process }
    func markTimedOut() { lock.lock(); killedAtTimeout = true; lock.unlock() }
    var timedOut: Bool { lock.lock(); defer { lock.unlock() }; return killedAtTimeout }
}
