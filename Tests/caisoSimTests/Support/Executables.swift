import Foundation
import Testing

/// The real executables (`dsod`, `caiso-sim`) built next to this test bundle, and mbpoll from Debian.
enum Executables {
    /// `<NAME>_EXECUTABLE` (DSOD_EXECUTABLE, CAISO_SIM_EXECUTABLE) if set, else the build-products folder.
    static func locate(_ name: String) -> URL? {
        let fileManager = FileManager.default
        let variable = name.uppercased().replacingOccurrences(of: "-", with: "_") + "_EXECUTABLE"
        if let explicit = ProcessInfo.processInfo.environment[variable], fileManager.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { starts.append(bundle.bundleURL) }
        for start in starts {
            var folder = start.standardizedFileURL.resolvingSymlinksInPath()
            for _ in 0..<6 {
                folder = folder.deletingLastPathComponent()
                let candidate = folder.appendingPathComponent(name)
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
}

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

/// mbpoll reading input registers: 0-based, big-endian word order, unit 1, once.
enum Mbpoll {
    static func readFloats(port: Int, register: Int, count: Int) -> [Int: Double]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/mbpoll")
        process.arguments = ["-m", "tcp", "-p", "\(port)", "-0", "-B", "-1", "-a", "1", "-o", "1",
                             "-t", "3:float", "-r", "\(register)", "-c", "\(count)", "127.0.0.1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var values: [Int: Double] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("[") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, let address = Int(parts[0].dropFirst().dropLast()),
               let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) {
                values[address] = value
            }
        }
        return values
    }
}
