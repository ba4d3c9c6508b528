import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A `dsod run` on simulated devices with its API on a free 127.0.0.1 port, for `dsoctl status`; killed (SIGKILL) at the end.
final class RunningDSOD {
    static let viewerToken = "viewer-token-for-dsoctl-0001"
    let process = Process()
    let port: Int
    let errors: String

    /// One interface point with a battery and a load behind it; the built-in RegD signal with a 0.5 MW award.
    static let scenario = """
        [scenario]
        name = "dsoctl-status"

        [kernel]
        period_s = 0.1

        [run]
        duration_s = 300
        record_period_s = 2
        seed = 7

        [regulation]
        award_mw = 0.5
        signal = "regd"
        signal_period_s = 2

        [[interface_points]]
        id = "SUB-A"
        import_limit_kw = 5000
        export_limit_kw = 2000
        deviation_band_kw = 100
        schedule_kw = 300

        [[batteries]]
        id = "BESS-A1"
        interface_point = "SUB-A"
        power_kw = 600
        capacity_kwh = 1200

        [[loads]]
        id = "LOAD-A"
        interface_point = "SUB-A"
        peak_kw = 600
        profile = "flat.csv"
        """

    init(in folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let executable = try #require(BuiltProduct.locate("dsod", overriddenBy: "DSOD_EXECUTABLE"), "dsod not found next to the test bundle",
                                      sourceLocation: sourceLocation)
        port = try freeTCPPort()
        try folder.write("flat.csv", "hour,value\n0,0.5\n12,0.6\n")
        try folder.write("scenario.toml", Self.scenario)
        let service = try folder.write("service.toml", """
            [service]
            name = "dsoctl-e2e"
            status_interval_s = 5
            stop_timeout_s = 5

            [simulation]
            scenario = "scenario.toml"

            [api]
            listen = "127.0.0.1:\(port)"

            [[api.tokens]]
            name = "vera"
            token = "\(Self.viewerToken)"
            role = "viewer"
            """)
        errors = folder.file("dsod.stderr")
        FileManager.default.createFile(atPath: errors, contents: nil)
        process.executableURL = executable
        process.arguments = ["run", "--config", service]
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] { environment[key] = nil }
        environment["STATE_DIRECTORY"] = folder.file("state")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var url: String { "http://127.0.0.1:\(port)" }
    var stderr: String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }

    /// Waits until the API listens and the kernel has run a few cycles.
    func waitUntilServing(timeoutSeconds: Double = 30) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline, process.isRunning {
            if stderr.contains("api: listening on") {
                try await Task.sleep(nanoseconds: 1_000_000_000)
                return true
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
