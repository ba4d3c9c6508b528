import Foundation
import OpenDSOTestSupport
import Testing

/// caiso-sim against a running `dsod simulate --realtime --iso-listen` with simulated devices, in real time.
///
/// Kept short for CI: a 2-s signal period, 40 s of playback (about 75 s of wall time with the ramp-down
/// check); the two runs are independent (own ports) and run in parallel.
@Suite struct ISOLinkEndToEndTests {
    static let ttlSeconds = 6.0
    static let rampPerSecond = 0.25

    private func executables() throws -> (dsod: URL, caisoSim: URL) {
        (try BuiltExecutable.dsod.require(), try BuiltExecutable.caisoSim.require())
    }

    private func startDSOD(_ dsod: URL, port: Int, writers: String, seconds: Int, in folder: URL) async throws -> BackgroundProcess {
        let child = try BackgroundProcess(dsod, ["simulate", "--scenario", "scenario.toml", "--realtime", "--duration", "\(seconds)s",
                                     "--iso-listen", "127.0.0.1:\(port)", "--iso-writers", writers,
                                     "--signal-ttl-s", "\(Self.ttlSeconds)", "--fallback-ramp", "\(Self.rampPerSecond)"],
                              in: folder, tag: "dsod")
        // Ready when mbpoll can read the telemetry.
        for _ in 0..<100 where Mbpoll.inputFloats(port: port, register: 0, count: 2) == nil {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return child
    }

    @Test func aDSOFollowsTheISOScoresWellAndRampsToZeroWhenTheISOStops() async throws {
        let (dsod, caisoSim) = try executables()
        let folder = try ISOLinkEndToEndFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try freeTCPPort()
        let server = try await startDSOD(dsod, port: port, writers: "127.0.0.1", seconds: 70, in: folder)
        let sim = try BackgroundProcess(caisoSim, ["--target", "127.0.0.1:\(port)", "--signal", "sine.csv", "--period-s", "2",
                                       "--poll-s", "1", "--duration", "40s", "--award-mw", "1", "--schedule", "dot.csv",
                                       "--report", "report", "--status-every-s", "10",
                                       "--min-composite", "0.7", "--min-accuracy", "0.5"],
                            in: folder, tag: "caiso-sim")
        let simStatus = await sim.wait(atMost: 60)
        #expect(simStatus == 0, "caiso-sim failed\n\(sim.stdout)\(sim.stderr)\n--- dsod\n\(server.stderr)")
        #expect(sim.stdout.contains("PJM whole run: composite"), "\(sim.stdout)")
        #expect(sim.stdout.contains("0 failed exchanges"), "\(sim.stdout)")

        // The dispatch targets reached the kernel's schedules (input registers 102 and 110, MW).
        let schedules = Mbpoll.inputFloats(port: port, register: 100, count: 12)
        #expect(schedules?[102] == 0.35 && schedules?[110] == 0.25, "\(String(describing: schedules))")

        // The ISO went quiet: within TTL + 1/ramp (+ margin) the regulation target is zero and the fallback bit is set.
        let deadline = Date().addingTimeInterval(Self.ttlSeconds + 1 / Self.rampPerSecond + 4)
        var target = Double.nan
        while Date() < deadline {
            if let values = Mbpoll.inputFloats(port: port, register: 2, count: 1) { target = values[2] ?? .nan }
            if target == 0 { break }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        #expect(target == 0, "regulation target still \(target) MW \(Self.ttlSeconds + 1 / Self.rampPerSecond + 4) s after the ISO stopped")
        await server.wait(atMost: 40)
        let log = server.stderr
        #expect(log.contains("link lost"), "\(log)")
        #expect(log.contains("regulation signal stale"), "\(log)")
        #expect(server.stdout.contains("OpenDSO simulation"), "summary printed\n\(server.stdout)")

        // The report: a CSV row per sample and an SVG with both series.
        let report = folder.appendingPathComponent("report")
        let csv = try String(contentsOf: report.appendingPathComponent("dso1-signal-response.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect((35...42).contains(rows.count), "\(rows.count) samples")
        let svg = try String(contentsOf: report.appendingPathComponent("dso1-signal-response.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.components(separatedBy: "<polyline").count == 3)
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("scores.txt").path))
    }

    /// A link that does not carry the signal (the ISO's address may not write) must fail the threshold.
    @Test func aBrokenLinkFailsTheScoreThreshold() async throws {
        let (dsod, caisoSim) = try executables()
        let folder = try ISOLinkEndToEndFiles.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try freeTCPPort()
        let server = try await startDSOD(dsod, port: port, writers: "10.0.0.99", seconds: 30, in: folder)
        let sim = try BackgroundProcess(caisoSim, ["--target", "127.0.0.1:\(port)", "--signal", "sine.csv", "--period-s", "2",
                                       "--duration", "20s", "--award-mw", "1", "--min-composite", "0.7",
                                       "--status-every-s", "0"],
                            in: folder, tag: "caiso-sim")
        let simStatus = await sim.wait(atMost: 40)
        #expect(simStatus == 2, "caiso-sim should fail the threshold\n\(sim.stdout)\(sim.stderr)")
        #expect(sim.stderr.contains("below threshold"), "\(sim.stderr)")
        await server.wait(atMost: 30)
        #expect(server.stderr.contains("not in the writers list"), "\(server.stderr)")
    }
}
