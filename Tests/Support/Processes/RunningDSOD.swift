import Foundation
import Testing

/// A `dsod run` on simulated devices with its API on a free 127.0.0.1 port, for `dsoctl status`; killed (SIGKILL) at the end.
public final class RunningDSOD {
    public static let viewerToken = "viewer-token-for-dsoctl-0001"
    public let process: BackgroundProcess
    public let port: Int

    /// One interface point with a battery and a load behind it; the built-in RegD signal with a 0.5 MW award.
    public static let scenario = """
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

    public init(in folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
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
        process = try BackgroundProcess.dsod(["run", "--config", service], in: folder,
                                             environment: ["STATE_DIRECTORY": folder.file("state")],
                                             sourceLocation: sourceLocation)
    }

    public var url: String { "http://127.0.0.1:\(port)" }
    public var stderr: String { process.stderr }

    /// Waits until the API listens and the kernel has run a few cycles. The log is checked once more after the
    /// deadline: on two cores the test's task can be kept off its thread for longer than the deadline by other
    /// tests, and a late look must still see a dsod that is serving.
    public func waitUntilServing(timeoutSeconds: Double = 30) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            if stderr.contains("api: listening on") {
                try await Task.sleep(nanoseconds: 1_000_000_000)
                return true
            }
            guard process.isRunning, Date() < deadline else { return stderr.contains("api: listening on") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }
}
