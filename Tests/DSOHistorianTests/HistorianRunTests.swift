import DSOHistorian
import DSOModel
import Foundation
import OpenDSOTestSupport
import Testing

/// Issue 14, finding 7: runs, their ids on every row, the schedule anchor, and the intervals in force that a
/// restart restores.
@Suite struct HistorianRunTests {
    static func receipt(_ source: String, point: Int = 0, startUnix: Double, endUnix: Double, kw: Double,
                        layer: ScheduleLayer = .operatorOverride, accepted: Bool = true) -> HistorianEntry {
        .schedule(ScheduleReceipt(
            wallTimeSeconds: 1_000, source: source,
            entry: ScheduleEntry(interfacePoint: point, startSeconds: startUnix - 5_000, endSeconds: endUnix - 5_000,
                                 netImportKW: kw, layer: layer),
            accepted: accepted, startUnixSeconds: startUnix, endUnixSeconds: endUnix))
    }

    @Test func rowsCarryTheirRunAndARestartSeesWhatEarlierRunsHadInForce() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("h.sqlite")
            do {
                let first = try Historian(path: path)
                #expect(try first.beginRun(startedWallSeconds: 5_000) == 1)
                try first.noteScheduleAnchor(.init(unixSeconds: 5_000, digest: "abc"), kernelEpochUnixSeconds: 5_000.1)
                first.record(Self.receipt("config:/etc/opendso/dsod.toml", startUnix: 5_000, endUnix: 8_600, kw: 300,
                                          layer: .dayAhead))
                first.record(Self.receipt("api", startUnix: 5_010, endUnix: 5_100, kw: 1))          // ended by 6 000
                first.record(Self.receipt("api", startUnix: 5_900, endUnix: 6_500, kw: 2))          // in force
                first.record(Self.receipt("iso-link", point: 1, startUnix: 5_990, endUnix: 6_010, kw: 3,
                                          layer: .dispatchTarget))                               // in force
                first.record(Self.receipt("api", startUnix: 7_000, endUnix: 7_100, kw: 4))          // ahead
                first.record(Self.receipt("api", startUnix: 7_000, endUnix: 7_200, kw: 5, accepted: false))
                first.record(Self.receipt("api", startUnix: 7_000, endUnix: 7_100, kw: 6))          // replaces 4
                try first.flush()
                // No endRun: the first run dies.
            }
            let second = try Historian(path: path)
            #expect(try second.beginRun(startedWallSeconds: 6_000) == 2)
            let restored = try second.schedulesInForce(atUnixSeconds: 6_000, excludingSourcePrefixes: ["config:"])
            #expect(restored.map(\.netImportKW) == [2, 3, 4, 6], "in force or ahead, accepted, in order: \(restored)")
            #expect(restored.map(\.layer) == [.operatorOverride, .dispatchTarget, .operatorOverride, .operatorOverride])
            #expect(restored.allSatisfy { $0.runID == 1 })
            #expect(restored.first?.startUnixSeconds == 5_900 && restored.first?.endUnixSeconds == 6_500)

            second.record(.operatorAction(OperatorAction(wallTimeSeconds: 6_001, actor: "otto", role: "operator",
                                                         action: "x", detail: "", outcome: "ok")))
            try second.flush()
            try second.endRun(reason: "SIGTERM", wallSeconds: 6_100)
            // This run's own rows are not "earlier": only run 1's come back.
            #expect(try second.schedulesInForce(atUnixSeconds: 6_000).count == 5)
            let runs = try second.runs()
            #expect(runs.map(\.id) == [2, 1])
            #expect(runs[0].stopReason == "SIGTERM" && runs[0].stoppedWallSeconds == 6_100)
            #expect(runs[1].stoppedWallSeconds == nil, "the run that died has no stop")
            #expect(runs[1].scheduleAnchor == .init(unixSeconds: 5_000, digest: "abc"))
            #expect(runs[1].kernelEpochUnixSeconds == 5_000.1)
            #expect(try SQLiteShell.query(path, "SELECT DISTINCT run_id FROM schedule") == ["1"])
            #expect(try SQLiteShell.query(path, "SELECT run_id FROM operator_action") == ["2"])
        }
    }

    /// A database written before schema v3 opens, keeps its rows (run 0, day-ahead layer) and restores none
    /// of them: they have no wall-clock times to place.
    @Test func aVersionTwoDatabaseIsMigratedAndItsSchedulesAreNotRestored() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("old.sqlite")
            try FileManager.default.createDirectory(atPath: folder.file(""), withIntermediateDirectories: true)
            // The shipped v1 and v2 tables, written by hand as they were (sqlite3 from Debian).
            _ = try SQLiteShell.query(path, """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1: cycles, telemetry, events, schedules, operator actions');
                INSERT INTO grdb_migrations VALUES ('v2: where each operator action came from');
                CREATE TABLE cycle_summary (id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, cycle_index INTEGER NOT NULL,
                    time_s REAL NOT NULL, signal REAL, award_kw REAL, regulation_target_kw REAL, regulation_command_kw REAL,
                    regulation_response_kw REAL, regulation_available_up_kw REAL, regulation_available_down_kw REAL,
                    aggregate_soc REAL, controllable_resources INTEGER, setpoint_digest INTEGER);
                CREATE TABLE interface_sample (id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, cycle_index INTEGER NOT NULL,
                    interface_point INTEGER NOT NULL, net_import_kw REAL, scheduled_kw REAL, ace_kw REAL,
                    regulation_request_kw REAL, flags INTEGER NOT NULL);
                CREATE TABLE telemetry (id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, time_s REAL NOT NULL,
                    resource INTEGER NOT NULL, measured_kw REAL, available_up_kw REAL, available_down_kw REAL, soc REAL,
                    fault_code INTEGER NOT NULL, health INTEGER NOT NULL, setpoint_kw REAL, base_point_kw REAL,
                    regulation_kw REAL, is_fallback INTEGER NOT NULL);
                CREATE TABLE event (id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, time_s REAL NOT NULL, code TEXT NOT NULL,
                    subject INTEGER NOT NULL, value REAL, detail REAL);
                CREATE TABLE schedule (id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, source TEXT NOT NULL,
                    interface_point INTEGER NOT NULL, start_s REAL NOT NULL, end_s REAL NOT NULL,
                    net_import_kw REAL NOT NULL, accepted INTEGER NOT NULL);
                CREATE TABLE operator_action (id INTEGER PRIMARY KEY, wall_time_s REAL NOT NULL, actor TEXT NOT NULL,
                    role TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, outcome TEXT NOT NULL,
                    remote_address TEXT NOT NULL DEFAULT '');
                INSERT INTO schedule (wall_time_s, source, interface_point, start_s, end_s, net_import_kw, accepted)
                    VALUES (1e12, 'api', 0, 0, 1e9, 42, 1);
                """)
            let historian = try Historian(path: path)
            try historian.beginRun()
            let old = try #require(try historian.schedules().first)
            #expect(old.netImportKW == 42 && old.layer == .dayAhead && old.runID == 0 && old.startUnixSeconds == nil)
            #expect(try historian.schedulesInForce(atUnixSeconds: 0).isEmpty)
        }
    }
}
