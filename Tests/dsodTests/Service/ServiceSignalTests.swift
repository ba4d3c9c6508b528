import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM and SIGHUP on the real `dsod run`, and `dsod check-config`.
@Suite struct ServiceSignalTests {
    @Test func sigtermStopsGracefullyAndQuickly() async throws {
        try await TemporaryFolder.with { folder in
            let config = try ServiceFiles.writeSimulationService(in: folder)
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: [:])
            #expect(service.waitForLog("ready: the kernel runs", timeoutSeconds: 20), "\(service.stderr)")
            let signalled = Date()
            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 5), "no exit within 5 s of SIGTERM\n\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "\(exit)\n\(service.stderr)")
            #expect(Date().timeIntervalSince(signalled) < 2, "graceful stop took \(Date().timeIntervalSince(signalled)) s")
            let log = service.stderr
            #expect(log.contains("set points to their safe values"), "\(log)")
            #expect(log.contains("stopped after"), "\(log)")
            // The log names the grid's devices and interface points.
            #expect(log.contains("SUB-A") && log.contains("scenario 'e2e-small'"), "\(log)")
        }
    }

    @Test func sighupReloadsSchedulesAndLiveSettings() async throws {
        try await TemporaryFolder.with { folder in
            let config = try ServiceFiles.writeSimulationService(in: folder, statusIntervalSeconds: 0.5)
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder, environment: [:])
            #expect(service.waitForLog("ready: the kernel runs", timeoutSeconds: 20), "\(service.stderr)")
            // A new schedule for SUB-A, a slower status line, a changed award, and a period change (restart only).
            var scenario = try String(contentsOfFile: folder.file("scenario.toml"), encoding: .utf8)
            scenario = scenario.replacingOccurrences(of: "schedule_kw = 300", with: "schedule_kw = 450")
            try folder.write("scenario.toml", scenario)
            try folder.write("service.toml", """
                [service]
                name = "e2e-service"
                status_interval_s = 30
                stop_timeout_s = 5

                [kernel]
                period_s = 0.2

                [simulation]
                scenario = "scenario.toml"
                award_mw = 0.5
                """)
            service.send(SIGHUP)
            #expect(service.waitForLog("reload: schedules reloaded: 2 intervals", timeoutSeconds: 10), "\(service.stderr)")
            #expect(service.waitForLog("status_interval_s 0.5 → 30.0", timeoutSeconds: 2), "\(service.stderr)")
            #expect(service.waitForLog("regulation award 1.0 MW → 0.5 MW", timeoutSeconds: 2), "\(service.stderr)")
            #expect(service.waitForLog("reload: [kernel] changed; takes effect after a restart", timeoutSeconds: 2), "\(service.stderr)")
            // The kernel now holds SUB-A at the new schedule: a status line shows it.
            try folder.write("service.toml", """
                [service]
                name = "e2e-service"
                status_interval_s = 0.5
                stop_timeout_s = 5

                [simulation]
                scenario = "scenario.toml"
                award_mw = 0.5
                """)
            service.send(SIGHUP)
            #expect(service.waitForLog("SUB-A net", timeoutSeconds: 5))
            #expect(service.waitForLog("(schedule 0.45)", timeoutSeconds: 5), "new schedule not in force\n\(service.stderr)")

            // A broken file is refused as a whole and the service keeps running.
            try folder.write("service.toml", "[service]\nstatus_interval_s = \"fast\"\n[simulation]\nscenario = \"scenario.toml\"\n")
            service.send(SIGHUP)
            #expect(service.waitForLog("service.status_interval_s: found the string \"fast\"", timeoutSeconds: 5), "\(service.stderr)")
            #expect(service.waitForLog("reload refused", timeoutSeconds: 2))
            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 5), "\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "\(service.stderr)")
        }
    }

    @Test func checkConfigReportsEveryIssueWithItsKey() async throws {
        try await TemporaryFolder.with { folder in
            _ = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let good = try ServiceFiles.writeSimulationService(in: folder)
            let ok = try await BuiltExecutable.dsod.run(["check-config", good], in: folder, timeoutSeconds: 60)
            #expect(ok.status == 0 && ok.stdout.contains("OK"), "\(ok)")
            #expect(ok.stdout.contains("2 interface points (SUB-A, SUB-B)"), "\(ok)")

            let bad = try folder.write("bad.toml", """
                [service]
                stop_timeout_s = 0
                colour = "blue"

                [kernel]
                period_s = 20

                [simulation]
                scenario = "scenario.toml"
                award_mw = -1

                [api]
                listen = "8080"
                """)
            let result = try await BuiltExecutable.dsod.run(["check-config", bad], in: folder, timeoutSeconds: 60)
            #expect(result.status == 1 && result.exited, "\(result)")
            for key in ["service.stop_timeout_s", "service.colour: unknown key", "kernel.period_s", "simulation.award_mw", "api.listen"] {
                #expect(result.stdout.contains(key), "missing \(key) in\n\(result.stdout)")
            }
            #expect(result.stdout.contains("5 issues"), "\(result.stdout)")
            #expect(!result.looksLikeACrash)

            // `run` refuses the same file before starting, with the same issues on stderr.
            let run = try await BuiltExecutable.dsod.run(["run", "--config", bad], in: folder, timeoutSeconds: 60)
            #expect(run.status == 1 && run.stderr.contains("api.listen") && run.stderr.contains("not starting"), "\(run)")
        }
    }
}
