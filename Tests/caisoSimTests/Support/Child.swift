import Foundation
import Testing

/// A child process with its output in files (no pipe can fill up), killed on `deinit` if still running.
final class Child: @unchecked Sendable {
    // Sendable: `process` is only started, queried and terminated (thread-safe in Foundation).
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    init(_ executable: URL, _ arguments: [String], in folder: URL, tag: String) throws {
        stdoutURL = folder.appendingPathComponent("\(tag).stdout")
        stderrURL = folder.appendingPathComponent("\(tag).stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the exit (at most `seconds`, then kills it) and returns the status.
    @discardableResult
    func wait(atMost seconds: Double) async -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(nanoseconds: 100_000_000) }
        if process.isRunning {
            Issue.record("\(process.executableURL?.lastPathComponent ?? "?") still running after \(seconds) s; killed")
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    deinit { if process.isRunning { process.terminate() } }
}
