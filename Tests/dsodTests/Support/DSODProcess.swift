import Dispatch
import Foundation
import Testing

/// What one `dsod` invocation did: how it ended and what it printed.
struct DSODResult: Sendable, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    /// False when the process died of a signal (a Swift trap, a crash) rather than exiting.
    var exited: Bool
    var stdout: String
    var stderr: String
    var wallSeconds: Double

    /// Everything printed, for messages that may go to either stream.
    var output: String { stdout + stderr }

    var description: String {
        "dsod \(arguments.joined(separator: " ")) → \(exited ? "exit" : "signal") \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }

    /// Whether the output carries the marks of a crash rather than a handled error.
    var looksLikeACrash: Bool {
        let markers = ["Fatal error", "Stack dump", "Current stack trace", "Illegal instruction", "Segmentation fault",
                       "Program crashed", "Trace/breakpoint trap", "Crash at"]
        return !exited || markers.contains { output.contains($0) }
    }
}

/// Runs the real `dsod` executable built next to this test bundle.
enum DSOD {
    /// Where the executable is: `DSOD_EXECUTABLE` if set, else the build-products folder holding the test bundle.
    static let executable: URL? = locateExecutable()

    private static func locateExecutable() -> URL? {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["DSOD_EXECUTABLE"], fileManager.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        starts.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { starts.append(bundle.bundleURL) }
        for start in starts {
            // Linux: <products>/OpenDSOPackageTests.xctest; macOS: <products>/X.xctest/Contents/MacOS/X.
            var folder = start.standardizedFileURL.resolvingSymlinksInPath()
            for _ in 0..<6 {
                folder = folder.deletingLastPathComponent()
                let candidate = folder.appendingPathComponent("dsod")
                var isFolder: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   fileManager.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                if folder.path == "/" { break }
            }
        }
        return nil
    }

    /// Runs `dsod arguments…` in `folder`, with stdout and stderr captured to files (no pipe can fill up),
    /// and kills it after `timeoutSeconds`.
    static func run(_ arguments: [String], in folder: TemporaryFolder, timeoutSeconds: Double = 120,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> DSODResult {
        let executable = try #require(
            executable, "dsod executable not found next to the test bundle (\(CommandLine.arguments.first ?? "?")); build it or set DSOD_EXECUTABLE",
            sourceLocation: sourceLocation)
        let tag = UUID().uuidString.prefix(8)
        let outURL = folder.url.appendingPathComponent(".dsod-\(tag).stdout")
        let errURL = folder.url.appendingPathComponent(".dsod-\(tag).stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
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
            DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) {
                if box.process.isRunning { box.timedOut = true; box.process.terminate() }
            }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) * 1e-9
        try outHandle.close()
        try errHandle.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        let result = DSODResult(arguments: arguments, status: process.terminationStatus,
                                exited: process.terminationReason == .exit, stdout: stdout, stderr: stderr, wallSeconds: wall)
        if box.timedOut {
            Issue.record("dsod did not finish within \(timeoutSeconds) s and was killed\n\(result)", sourceLocation: sourceLocation)
        }
        return result
    }
}

/// Carries the process into the timeout closure; Process itself is not Sendable.
private final class ProcessBox: @unchecked Sendable {
    // Sendable: `process` is only queried/terminated (thread-safe in Foundation); `timedOut` is written
    // before the termination it causes and read after the termination handler has run.
    let process: Process
    var timedOut = false
    init(_ process: Process) { self.process = process }
}

/// A fresh folder per test, removed afterwards.
struct TemporaryFolder: Sendable {
    let url: URL
    var path: String { url.path }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func with<T>(_ body: (TemporaryFolder) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dsodTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(TemporaryFolder(url: url))
    }
}
