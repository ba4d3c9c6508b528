import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A long-running `dsod run` the test talks to with signals; output goes to files the test reads at will.
final class ServiceProcess: @unchecked Sendable {
    // Sendable: the Process is only started, signalled and waited on from the test's task.
    let process = Process()
    let errURL: URL
    let outURL: URL
    private(set) var startedAt = Date()

    init(arguments: [String], in folder: TemporaryFolder, environment: [String: String]) throws {
        let executable = try #require(DSOD.executable, "dsod executable not found next to the test bundle")
        let tag = UUID().uuidString.prefix(8)
        outURL = folder.url.appendingPathComponent("service-\(tag).stdout")
        errURL = folder.url.appendingPathComponent("service-\(tag).stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        var merged = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"] { merged[key] = nil }
        merged.merge(environment) { $1 }
        process.environment = merged
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        startedAt = Date()
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for `text` to appear on standard error.
    func waitForLog(_ text: String, timeoutSeconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(50_000)
        }
        return false
    }

    /// Waits for exit; kills (SIGKILL) and returns nil after `timeoutSeconds`.
    func waitForExit(timeoutSeconds: Double) -> (status: Int32, exited: Bool, seconds: Double)? {
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

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Service configurations over the two-point test scenario.
enum ServiceFixtures {
    /// Writes the scenario (`scenario.toml`, `flat.csv`) and a service file naming it; returns the service file.
    static func writeSimulationService(in folder: TemporaryFolder, statusIntervalSeconds: Double = 0.5,
                                       extra: String = "") throws -> String {
        _ = try ScenarioFiles.writeTwoPointScenario(in: folder)
        return try folder.write("service.toml", """
            [service]
            name = "e2e-service"
            status_interval_s = \(statusIntervalSeconds)
            stop_timeout_s = 5

            [simulation]
            scenario = "scenario.toml"
            \(extra)
            """)
    }
}
