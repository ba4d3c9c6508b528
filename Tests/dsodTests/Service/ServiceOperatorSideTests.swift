import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `dsod run` with the historian and the operator API: reads, metrics, schedules with each role,
/// the audit trail, a graceful stop that flushes, and a `kill -9` that leaves a sound database.
@Suite(.serialized) struct ServiceOperatorSideTests {
    typealias Fixture = OperatorSideFixture

    /// Polls `/api/v1/status` until the kernel has run `cycles` cycles; returns its `kernel` object (the last one
    /// seen, or nil, after recording an issue when it never does).
    static func waitForCycles(_ api: HTTPClient, _ cycles: Int, timeoutSeconds: Double) async throws -> KernelStatus? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var kernel: KernelStatus?
        while Date() < deadline {
            if let reply = try? await api.get("/api/v1/status", token: Fixture.viewerToken), reply.status == 200,
               let status = try? reply.json(StatusDocument.self) {
                kernel = status.kernel
                if status.kernel.cycles >= cycles { return status.kernel }
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        Issue.record("the kernel did not reach \(cycles) cycles within \(timeoutSeconds) s: \(String(describing: kernel))")
        return kernel
    }

    @Test func apiAndHistorianServeTheRunningServiceAndAStopFlushesTheAuditTrail() async throws {
        try await TemporaryFolder.with { folder in
            let port = try freeTCPPort()
            let config = try Fixture.write(in: folder, port: port)
            let state = folder.file("state")
            let database = "\(state)/historian.sqlite"
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": state])
            #expect(service.waitForLog("api: listening on http://127.0.0.1:\(port)", timeoutSeconds: 20), "\(service.stderr)")
            #expect(service.waitForLog("historian: \(database)", timeoutSeconds: 2), "\(service.stderr)")
            let api = HTTPClient(port: port, timeoutSeconds: 5)

            // Status: the kernel runs on its 100-ms grid; counters come through.
            let kernel = try #require(try await Self.waitForCycles(api, 15, timeoutSeconds: 60))
            #expect(kernel.state == "running", "\(kernel)")
            #expect(kernel.cyclePeriodSeconds == 0.1, "\(kernel)")
            #expect(kernel.cycleIndex >= 10, "\(kernel)")
            #expect(kernel.awardKW == 1000, "the scenario's 1 MW award: \(kernel)")

            // Interface points: the scenario's two, netted against their schedules.
            let points = try await api.get("/api/v1/interface-points", token: Fixture.viewerToken).json([InterfacePointStatus].self)
            #expect(points.map(\.id) == ["SUB-A", "SUB-B"], "\(points)")
            #expect(points.map(\.scheduledKW) == [300, 200], "\(points)")
            for point in points {
                let net = try #require(point.netImportKW, "\(point)")
                #expect(net > -1000 && net < 1500, "net import of \(point.id) = \(net) kW")
            }

            // Resources: tapped telemetry and set points of the simulated devices.
            let resources = try await api.get("/api/v1/resources", token: Fixture.viewerToken).json([ResourceStatus].self)
            #expect(resources.map(\.id) == ["BESS-A1", "LOAD-A", "BESS-B1", "LOAD-B"], "\(resources)")
            let battery = try #require(resources.first, "no resources")
            #expect(battery.health == "ok", "\(battery)")
            let soc = try #require(battery.telemetry.soc, "\(battery)")
            #expect(soc > 0 && soc < 1)
            #expect((battery.setpoint.validForSeconds ?? 0) > 0, "a live set point carries its TTL: \(battery)")

            // Metrics: Prometheus text, read by the reference parser.
            let metrics = try await api.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("# TYPE dso_cycle_duration_seconds histogram"))
            let samples = try PrometheusParser.parse(metrics.text)
            #expect((samples["dso_cycles_total{}"]?.value ?? 0) >= 15, "\(metrics.text.prefix(2000))")
            #expect(samples["dso_cycles_total{}"]?.type == "counter")
            let observed = samples["dso_cycle_duration_seconds_count{}"]?.value ?? 0
            #expect(observed >= 15, "every cycle's step is observed on the kernel thread")
            #expect(samples["dso_cycle_lateness_seconds_count{}"]?.value == observed
                    || abs((samples["dso_cycle_lateness_seconds_count{}"]?.value ?? 0) - observed) <= 3)
            #expect(samples["dso_cycle_duration_seconds_bucket{le=+Inf}"]?.value == observed)
            #expect(samples["dso_interface_net_import_kw{interface_point=SUB-A}"] != nil, "\(samples.keys.sorted())")
            #expect(samples["dso_resource_measured_kw{resource=BESS-B1}"] != nil, "\(samples.keys.sorted())")
            #expect(samples["dso_regulation_award_kw{}"]?.value == 1000)

            // Schedules: only an operator may submit; the kernel takes the interval through the shared submitter.
            let now = kernel.timeSeconds
            let body = """
                {"entries":[{"interfacePoint":0,"startSeconds":\(now + 1),"endSeconds":\(now + 600),"netImportKW":450}]}
                """
            #expect(try await api.send("POST", "/api/v1/schedules", body: body).status == 401)
            #expect(try await api.send("POST", "/api/v1/schedules", token: Fixture.viewerToken, body: body).status == 403)
            let accepted = try await api.send("POST", "/api/v1/schedules", token: Fixture.operatorToken, body: body)
            #expect(accepted.status == 200, "the kernel's own verdict: \(accepted.text)")
            #expect((accepted.json as? [String: Any])?["accepted"] as? Int == 1, "\(accepted.text)")
            var scheduled: Double?
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, scheduled != 450 {
                try await Task.sleep(nanoseconds: 200_000_000)
                let reply = try await api.get("/api/v1/interface-points", token: Fixture.viewerToken)
                scheduled = try? reply.json([InterfacePointStatus].self).first?.scheduledKW
            }
            #expect(scheduled == 450, "SUB-A's schedule after the submission: \(scheduled.map { "\($0)" } ?? "none")")

            // SIGTERM: graceful, exit 0, historian flushed.
            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 8), "no exit within 8 s of SIGTERM\n\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "\(exit)\n\(service.stderr)")
            #expect(service.stderr.contains("stopped api") && service.stderr.contains("historian: flushed"), "\(service.stderr)")

            let summaries = try SQLiteShell.count(database, "SELECT count(*) FROM cycle_summary")
            let cycles = kernel.cycles
            #expect(summaries >= cycles, "every cycle's summary is stored: \(summaries) rows, \(cycles)+ cycles")
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM interface_sample") >= 2 * summaries)
            #expect(try SQLiteShell.count(database, "SELECT count(DISTINCT resource) FROM telemetry") == 4)
            // The kernel's verdicts on the schedule the operator sent and the two loaded at start, by producer.
            #expect(try SQLiteShell.query(database, "SELECT source, interface_point, net_import_kw, accepted FROM schedule WHERE source = 'api'")
                    == ["api|0|450.0|1"])
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM schedule WHERE source = 'config:\(config)' AND accepted = 1") == 2)
            // The audit trail: the accepted submission, the viewer's refused one, and the SIGTERM stop.
            let actions = try SQLiteShell.query(database, "SELECT actor, role, action, outcome FROM operator_action ORDER BY id")
            #expect(actions.contains("otto|operator|submit_schedules|accepted 1 of 1 (kernel)"), "\(actions)")
            #expect(actions.contains { $0.hasPrefix("vera|viewer|submit_schedules|refused 403") }, "\(actions)")
            #expect(actions.contains { $0.hasPrefix("signal:SIGTERM|operator|stop|stopped after") }, "\(actions)")
        }
    }

    /// Issue 14, finding 4: a thousand future intervals where an interface point's override layer holds 512.
    /// The answer is the kernel's: 512 taken, each of the other 488 named as refused, and the audit trail
    /// and the historian's schedule table say the same.
    @Test func theAnswerToASubmissionIsTheKernelsVerdict() async throws {
        try await TemporaryFolder.with { folder in
            let port = try freeTCPPort()
            let config = try Fixture.write(in: folder, port: port)
            let state = folder.file("state")
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                                     environment: ["STATE_DIRECTORY": state])
            defer { service.send(SIGKILL) }
            #expect(service.waitForLog("api: listening on http://127.0.0.1:\(port)", timeoutSeconds: 60), "\(service.stderr)")
            let api = HTTPClient(port: port, timeoutSeconds: 10)
            let kernel = try #require(try await Self.waitForCycles(api, 5, timeoutSeconds: 60))
            let entries = (0..<1000).map { index in
                let start = kernel.timeSeconds + 100 + Double(index) * 60
                return #"{"interfacePoint":0,"startSeconds":\#(start),"endSeconds":\#(start + 60),"netImportKW":400}"#
            }
            let reply = try await api.send("POST", "/api/v1/schedules", token: Fixture.operatorToken,
                                           body: #"{"entries":["# + entries.joined(separator: ",") + "]}")
            #expect(reply.status == 409, "\(reply.text.prefix(300))")
            let answer = try #require(reply.json as? [String: Any])
            #expect(answer["accepted"] as? Int == 512, "\(reply.text.prefix(300))")
            let refused = try #require(answer["refused"] as? [[String: Any]])
            #expect(refused.count == 488)
            #expect(refused.first?["index"] as? Int == 512)
            #expect((refused.first?["reason"] as? String)?.contains("table is full") == true, "\(refused.first ?? [:])")

            service.send(SIGTERM)
            _ = service.waitForExit(timeoutSeconds: 20)
            let database = "\(state)/historian.sqlite"
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM schedule WHERE source = 'api' AND accepted = 1") == 512)
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM schedule WHERE source = 'api' AND accepted = 0") == 488)
            let actions = try SQLiteShell.query(database, "SELECT outcome FROM operator_action WHERE action = 'submit_schedules'")
            #expect(actions.count == 1 && actions[0].hasPrefix("accepted 512 of 1000 (kernel)"), "\(actions)")
        }
    }

    @Test func sighupReloadIsRecordedWithItsSchedules() async throws {
        try await TemporaryFolder.with { folder in
            let port = try freeTCPPort()
            let config = try Fixture.write(in: folder, port: port)
            let state = folder.file("state")
            let database = "\(state)/historian.sqlite"
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": state])
            #expect(service.waitForLog("ready: the kernel runs", timeoutSeconds: 20), "\(service.stderr)")
            service.send(SIGHUP)
            #expect(service.waitForLog("reload: schedules reloaded: 2 intervals", timeoutSeconds: 10), "\(service.stderr)")
            // The kernel's verdicts: the two intervals taken at start, then replaced by the reload's two — once
            // a cycle has drained them and the historian committed (it reads while the service runs: WAL).
            let verdicts = "SELECT count(*) FROM schedule WHERE source IN ('config:\(config)', 'reload:\(config)') AND accepted = 1"
            let deadline = Date().addingTimeInterval(20)
            var taken = 0
            while Date() < deadline {
                taken = (try? SQLiteShell.count(database, verdicts)) ?? 0
                if taken >= 4 { break }
                Thread.sleep(forTimeInterval: 0.2)
            }
            #expect(taken == 4, "\(service.stderr)")
            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 8), "\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "\(service.stderr)")
            #expect(try SQLiteShell.count(database, verdicts) == 4)
            let reloads = try SQLiteShell.query(database, "SELECT actor, detail, outcome FROM operator_action WHERE action = 'reload'")
            #expect(reloads.count == 1 && reloads[0].hasPrefix("signal:SIGHUP|\(config)|applied: schedules reloaded: 2 intervals"),
                    "\(reloads)")
        }
    }

    /// Issue 14, finding 7: `kill -9` while operators write (as `Restart=on-failure` would then restart it).
    /// Every write answered 200 is in the historian; the restart restores the intervals in force (an
    /// override covering now is in force again), keeps the configured day-ahead schedule on the same UTC
    /// instants instead of shifting it, and tells the runs apart by their run id.
    @Test func killNineUnderLoadRestoresTheSchedulesInForceAndLosesNoAcknowledgedWrite() async throws {
        try await TemporaryFolder.with { folder in
            let port = try freeTCPPort()
            let config = try Fixture.write(in: folder, port: port)
            let state = folder.file("state")
            let database = "\(state)/historian.sqlite"
            let first = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                           environment: ["STATE_DIRECTORY": state])
            #expect(first.waitForLog("api: listening", timeoutSeconds: 20), "\(first.stderr)")
            let api = HTTPClient(port: port, timeoutSeconds: 5)
            let kernel = try #require(try await Self.waitForCycles(api, 20, timeoutSeconds: 60))
            let epoch = try #require(kernel.epochUnixSeconds, "the status names kernel time 0 in UTC: \(kernel)")
            #expect(abs(epoch - Date().timeIntervalSince1970) < 3600, "\(epoch)")

            // An override covering now on SUB-A, written on the wall clock (RFC 3339), for ten minutes.
            let nowUnix = Date().timeIntervalSince1970
            let overrideStart = Self.rfc3339(nowUnix - 1), overrideEnd = Self.rfc3339(nowUnix + 600)
            let override = try await api.send("POST", "/api/v1/schedules", token: Fixture.operatorToken, body: """
                {"entries":[{"interfacePoint":0,"start":"\(overrideStart)","end":"\(overrideEnd)","netImportKW":450}]}
                """)
            #expect(override.status == 200, "\(override.text)")

            // Load: four writers send future intervals on SUB-B (distinct values) as fast as they are answered;
            // the service is killed while they write. An answer of 200 is an acknowledged write.
            let acknowledged = AcknowledgedWrites()
            let writers = (0..<4).map { writer in
                Task {
                    for round in 0..<200 {
                        let value = 1000 + writer * 1000 + round
                        let start = nowUnix + 300 + Double(value)
                        let body = """
                            {"entries":[{"interfacePoint":1,"start":"\(Self.rfc3339(start))","end":"\(Self.rfc3339(start + 0.5))","netImportKW":\(value)}]}
                            """
                        guard let reply = try? await api.send("POST", "/api/v1/schedules", token: Fixture.operatorToken,
                                                              body: body) else { return }
                        if reply.status == 200 { acknowledged.values.withLock { $0.append(value) } }
                    }
                }
            }
            let deadline = Date().addingTimeInterval(30)
            while acknowledged.values.withLock({ $0.count }) < 40, Date() < deadline {
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            first.send(SIGKILL)
            _ = first.waitForExit(timeoutSeconds: 5)
            for writer in writers { await writer.value }
            let acked = acknowledged.values.withLock { $0 }
            #expect(acked.count >= 40, "writes acknowledged before the kill: \(acked.count)")

            #expect(try SQLiteShell.query(database, "PRAGMA integrity_check") == ["ok"])
            let stored = Set(try SQLiteShell.query(database, """
                SELECT CAST(net_import_kw AS INTEGER) FROM schedule WHERE source = 'api' AND accepted = 1 AND interface_point = 1
                """).compactMap { Int($0) })
            let lost = Set(acked).subtracting(stored)
            #expect(lost.isEmpty, "acknowledged writes missing from the historian after kill -9: \(lost.sorted())")
            // The UTC times went in as written.
            let storedStart = try SQLiteShell.query(database, "SELECT start_unix_s FROM schedule WHERE net_import_kw = 450")
            #expect(storedStart.count == 1 && abs((Double(storedStart.first ?? "") ?? 0) - (nowUnix - 1)) < 0.002, "\(storedStart)")
            let intervalsBefore = try SQLiteShell.count(database, "SELECT count(*) FROM schedule WHERE accepted = 1 AND source = 'api'")

            // Restart on the same state directory.
            let second = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                            environment: ["STATE_DIRECTORY": state])
            #expect(second.waitForLog("api: listening", timeoutSeconds: 20), "\(second.stderr)")
            #expect(second.waitForLog("schedules: restored \(intervalsBefore) intervals in force", timeoutSeconds: 5),
                    "every interval the first run accepted is still ahead or in force: \(second.stderr)")
            #expect(second.stderr.contains("the previous run's schedules are still in force"), "\(second.stderr)")
            _ = try await Self.waitForCycles(api, 10, timeoutSeconds: 60)
            // The override is in force again, over the day-ahead 300 kW; SUB-B keeps its day-ahead 200 kW.
            var scheduled: [Double?] = []
            let settle = Date().addingTimeInterval(10)
            while Date() < settle, scheduled != [450, 200] {
                let reply = try await api.get("/api/v1/interface-points", token: Fixture.viewerToken)
                scheduled = (try? reply.json([InterfacePointStatus].self).map(\.scheduledKW)) ?? []
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            #expect(scheduled == [450, 200], "after the restart: \(scheduled)")
            second.send(SIGTERM)
            let exit = try #require(second.waitForExit(timeoutSeconds: 8), "\(second.stderr)")
            #expect(exit.exited && exit.status == 0, "\(second.stderr)")

            #expect(try SQLiteShell.query(database, "PRAGMA integrity_check") == ["ok"])
            // Two runs: the first died without a stop, the second stopped on SIGTERM; the same schedule anchor.
            let runs = try SQLiteShell.query(database, "SELECT id, stopped_wall_time_s IS NULL, stop_reason, schedule_anchor_unix_s FROM run ORDER BY id")
            #expect(runs.count == 2, "\(runs)")
            let anchors = Set(runs.map { $0.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? "" })
            #expect(anchors.count == 1, "the restart kept the first run's anchor: \(runs)")
            #expect(runs.first?.hasPrefix("1|1||") == true && runs.last?.hasPrefix("2|0|SIGTERM|") == true, "\(runs)")
            // The configured day-ahead intervals sit on the same UTC instants in both runs, not shifted.
            #expect(try SQLiteShell.count(database, "SELECT count(DISTINCT run_id) FROM schedule WHERE source LIKE 'config:%'") == 2)
            let spreads = try SQLiteShell.query(database, """
                SELECT interface_point, count(*), (max(start_unix_s) - min(start_unix_s)) < 0.001 FROM schedule
                WHERE source LIKE 'config:%' GROUP BY interface_point ORDER BY interface_point
                """)
            #expect(spreads == ["0|2|1", "1|2|1"], "each configured interval on one UTC start in both runs: \(spreads)")
            // Every row says which run wrote it; the restarted kernel counted from cycle 0 again.
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM cycle_summary WHERE cycle_index = 0") == 2)
            #expect(try SQLiteShell.count(database, "SELECT count(DISTINCT run_id) FROM cycle_summary WHERE cycle_index = 0") == 2)
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM cycle_summary WHERE run_id NOT IN (1, 2)") == 0)
        }
    }

    static func rfc3339(_ unixSeconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: unixSeconds))
    }
}

/// The values of the schedule writes the service answered 200 to, from several writer tasks.
private final class AcknowledgedWrites: Sendable {
    let values = Mutex<[Int]>([])
}
