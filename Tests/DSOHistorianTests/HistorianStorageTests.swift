import DSOHistorian
import DSOKernel
import DSOModel
import Foundation
import OpenDSOTestSupport
import Testing

/// What goes in comes back out, in WAL mode, and retention removes only what is old enough.
@Suite struct HistorianStorageTests {
    @Test func databaseIsInWALModeAndSeenSoByAnotherReader() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("state/historian.sqlite")
            let historian = try Historian(path: path)
            #expect(try historian.journalMode() == "wal")
            #expect(try SQLiteShell.text(path, "PRAGMA journal_mode") == "wal")
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func eventsSchedulesAndOperatorActionsAreStoredAndQueryable() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(path: folder.file("h.sqlite"))
            let event = KernelEvent(code: .interfaceOutOfBand, timeSeconds: 12.5, subject: 1, value: 73.25)
            historian.record(.event(EventRecord(event, wallTimeSeconds: 1_000)))
            historian.record(.schedule(ScheduleReceipt(
                wallTimeSeconds: 1_001, source: "api:alice",
                entry: ScheduleEntry(interfacePoint: 1, startSeconds: 900, endSeconds: 1800, netImportKW: -250.5),
                accepted: true)))
            historian.record(.operatorAction(OperatorAction(
                wallTimeSeconds: 1_002, actor: "alice", role: "operator", action: "submit_schedules",
                detail: "{\"entries\":1}", outcome: "accepted 1")))
            try historian.flush()

            let events = try historian.events()
            #expect(events.count == 1)
            #expect(events.first?.code == "interfaceOutOfBand")
            #expect(events.first?.subject == 1 && events.first?.value == 73.25 && events.first?.detail == nil)
            #expect(events.first?.timeSeconds == 12.5)
            let schedules = try historian.schedules()
            #expect(schedules.first?.entry == ScheduleEntry(interfacePoint: 1, startSeconds: 900, endSeconds: 1800,
                                                            netImportKW: -250.5))
            #expect(schedules.first?.source == "api:alice" && schedules.first?.accepted == true)
            let actions = try historian.operatorActions()
            #expect(actions.map(\.action) == ["submit_schedules"])
            #expect(actions.first?.actor == "alice" && actions.first?.outcome == "accepted 1")
        }
    }

    @Test func cycleSummaryRoundTripsWithItsInterfacePointsAndDigest() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(path: folder.file("h.sqlite"))
            let digest: UInt64 = 0xF123_4567_89AB_CDEF // top bit set: must survive SQLite's signed integers
            let summary = CycleSummary(
                wallTimeSeconds: 5_000, cycleIndex: 42, timeSeconds: 4.2, signal: -0.5, awardKW: 400,
                regulationTargetKW: -200, regulationCommandKW: -210, regulationResponseKW: -190,
                regulationAvailableUpKW: 300, regulationAvailableDownKW: 250, aggregateSOC: nil,
                controllableResources: 3, setpointDigest: digest,
                interfacePoints: [
                    InterfacePointSample(interfacePoint: 0, netImportKW: 100, scheduledKW: 90, aceKW: 10,
                                         regulationRequestKW: 0, flags: 1),
                    InterfacePointSample(interfacePoint: 1, netImportKW: -20, scheduledKW: 0, aceKW: -20,
                                         regulationRequestKW: 5, flags: 0),
                ])
            historian.record(.cycle(summary))
            try historian.flush()
            let stored = try #require(try historian.cycleSummaries().first)
            #expect(stored == summary)
        }
    }

    @Test func retentionDeletesTelemetryAndAuditRowsEachAfterItsOwnDays() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("h.sqlite")
            let historian = try Historian(path: path, configuration: HistorianConfiguration(retentionDays: 2,
                                                                                           auditRetentionDays: 90))
            let now = 10_000_000.0
            let day = 86_400.0
            for age in [0.5, 1.9, 2.1, 5.0, 89.0, 91.0] {
                let wall = now - age * day
                historian.record(.event(EventRecord(wallTimeSeconds: wall, timeSeconds: 0, code: "age\(age)", subject: -1)))
                historian.record(.cycle(CycleSummary(wallTimeSeconds: wall, cycleIndex: 1, timeSeconds: 0,
                    interfacePoints: [InterfacePointSample(interfacePoint: 0, netImportKW: 1, scheduledKW: 1, aceKW: 0,
                                                           regulationRequestKW: 0, flags: 0)])))
                historian.record(.telemetry(TelemetrySample(wallTimeSeconds: wall, timeSeconds: 0, resource: 0,
                                                            measuredKW: 1)))
                historian.record(.operatorAction(OperatorAction(wallTimeSeconds: wall, actor: "a", role: "operator",
                                                                action: "x", detail: "", outcome: "", remoteAddress: "10.0.0.9:5000")))
            }
            try historian.flush()
            let deleted = try historian.applyRetention(nowUnixSeconds: now)
            #expect(deleted == 4 * 4 + 1) // four old rows in each of four telemetry tables, one audit row past 90 days
            #expect(try historian.events().map(\.code).sorted() == ["age0.5", "age1.9"])
            let counts = try historian.rowCounts()
            #expect(counts["cycle_summary"] == 2 && counts["interface_sample"] == 2 && counts["telemetry"] == 2)
            #expect(counts["operator_action"] == 5)
            #expect(try historian.operatorActions().allSatisfy { $0.remoteAddress == "10.0.0.9:5000" })
            #expect(try SQLiteShell.text(path, "PRAGMA integrity_check") == "ok")
        }
    }

    @Test func auditRetentionBelowNinetyDaysIsRefused() {
        #expect(throws: HistorianError.self) { try HistorianConfiguration(auditRetentionDays: 89).validate() }
        #expect(throws: Never.self) { try HistorianConfiguration(retentionDays: 7, auditRetentionDays: 90).validate() }
    }

    @Test func aNewDatabaseAndItsJournalFilesAreReadableByTheOwnerOnly() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("state/h.sqlite")
            let historian = try Historian(path: path)
            historian.record(.event(EventRecord(wallTimeSeconds: 1, timeSeconds: 0, code: "x", subject: -1)))
            try historian.flush()
            for file in [path, path + "-wal", path + "-shm"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: file)
                let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
                #expect(mode == 0o600, "\(file): mode \(String(mode, radix: 8))")
            }
            try historian.stop()
        }
    }

    @Test func badConfigurationIsRefusedNamingTheKey() throws {
        #expect(throws: HistorianError.invalidConfiguration(
            key: "commit_interval_s", value: "2.0", expected: "seconds in (0, 1] (a crash may lose at most this much)")) {
            try HistorianConfiguration(commitIntervalSeconds: 2).validate()
        }
        #expect(throws: HistorianError.self) { try HistorianConfiguration(retentionDays: 0).validate() }
    }

    @Test func aFullQueueRefusesAndCountsInsteadOfBlocking() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(path: folder.file("h.sqlite"),
                                          configuration: HistorianConfiguration(maximumPendingEntries: 3))
            let taken = historian.record(contentsOf: (0..<5).map { .event(EventRecord(
                wallTimeSeconds: Double($0), timeSeconds: 0, code: "e\($0)", subject: -1)) })
            #expect(taken == 3)
            #expect(historian.statistics.refusedEntries == 2)
            try historian.flush()
            #expect(try historian.events().count == 3)
            #expect(historian.statistics.pendingEntries == 0 && historian.statistics.committedEntries == 3)
        }
    }
}
