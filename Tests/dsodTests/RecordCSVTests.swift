import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod simulate --record`: the CSV's shape, its timing, and scores recomputed from it alone.
@Suite struct RecordCSVTests {
    @Test(arguments: [
        (recordPeriod: 2.0, duration: 300.0, rows: 150),
        (recordPeriod: 5.0, duration: 60.0, rows: 12),
        (recordPeriod: 0.5, duration: 30.0, rows: 60),
    ])
    func oneRowPerRecordPeriod(recordPeriod: Double, duration: Double, rows: Int) async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(
                in: folder, ScenarioFiles.twoPointScenario(durationSeconds: duration, recordPeriodSeconds: recordPeriod))
            let record = folder.file("out.csv")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--record", record], in: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains(record), "the summary says where the record went")
            let csv = try RecordCSV(path: record)

            for column in ["time_s", "signal", "regulation_target_mw", "regulation_response_mw",
                           "net_import_kw_SUB-A", "net_import_kw_SUB-B"] {
                #expect(csv.header.contains(column), "header lacks \(column): \(csv.header)")
            }
            #expect(csv.header.first == "time_s")
            #expect(Set(csv.header).count == csv.header.count, "duplicate columns: \(csv.header)")
            #expect(csv.rows.count == rows)
            #expect(SummaryReport(result.stdout).samples == rows, "the summary counts the recorded samples")
            for (index, row) in csv.rows.enumerated() {
                #expect(row.count == csv.header.count, "row \(index + 2) has \(row.count) fields")
            }

            let times = try #require(csv.column("time_s"))
            #expect(times.first == 0)
            for index in times.indices.dropFirst() {
                #expect(abs(times[index] - times[index - 1] - recordPeriod) < 1e-6,
                        "row \(index + 2): time \(times[index]) after \(times[index - 1])")
            }
            #expect(abs(try #require(times.last) - (duration - recordPeriod)) < 1e-6)

            let signal = try #require(csv.column("signal"))
            let target = try #require(csv.column("regulation_target_mw"))
            let response = try #require(csv.column("regulation_response_mw"))
            let netA = try #require(csv.column("net_import_kw_SUB-A"))
            let netB = try #require(csv.column("net_import_kw_SUB-B"))
            for index in csv.rows.indices {
                #expect(target[index].isFinite && response[index].isFinite && netA[index].isFinite && netB[index].isFinite,
                        "row \(index + 2)")
                #expect((-1...1).contains(signal[index]), "row \(index + 2): signal \(signal[index])")
                // Target in MW = signal × 1 MW award (× an availability scale ≤ 1).
                #expect(abs(target[index]) <= abs(signal[index]) * 1.0 + 1e-9, "row \(index + 2)")
                #expect(abs(response[index]) <= 1.2 + 1e-9, "row \(index + 2): response beyond the 1.2 MW fleet")
            }
            // Each column is its own point: before any battery moves, net import is the point's own load.
            #expect(abs(netA[0] - 300) < 1, "SUB-A starts at its 300 kW load, found \(netA[0])")
            #expect(abs(netB[0] - 200) < 1, "SUB-B starts at its 200 kW load, found \(netB[0])")
            // Response in MW is the batteries' output; the two points' net import falls by that much (kW).
            for index in csv.rows.indices.dropFirst(5) {
                let loadKW = 1000 * (0.5 + 0.1 * times[index] / 43_200)
                let fromNet = (loadKW - netA[index] - netB[index]) / 1000
                #expect(abs(fromNet - response[index]) < 0.005,
                        "row \(index + 2): response \(response[index]) MW, net import says \(fromNet) MW")
            }
        }
    }

    @Test func scoresRecomputedFromTheRecordMatchTheSummary() async throws {
        try await TemporaryFolder.with { folder in
            // 20 minutes: two CAISO intervals (one complete, one partial), one partial PJM hour.
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder, ScenarioFiles.twoPointScenario(durationSeconds: 1200))
            let record = folder.file("out.csv")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--record", record], in: folder)
            #expect(result.status == 0, "\(result)")
            let report = SummaryReport(result.stdout)
            let csv = try RecordCSV(path: record)
            #expect(csv.rows.count == 600)
            let rescored = try Rescore(csv, recordPeriodSeconds: 2)
            #expect(rescored.caisoIntervals.count == 2)
            try rescored.expectMatches(report)
        }
    }

    /// The shipped example (two substations, 232 resources) for 10 minutes: its record also rescoring exactly.
    @Test func smallDSOExampleRecordRescoresToTheSummary() async throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/small-dso.toml").path
        try #require(FileManager.default.fileExists(atPath: example), "example not found at \(example)")
        try await TemporaryFolder.with { folder in
            let record = folder.file("small-dso.csv")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", example, "--duration", "10m", "--record", record],
                                            in: folder)
            #expect(result.status == 0, "\(result)")
            let report = SummaryReport(result.stdout)
            #expect(report.scenarioName == "small-dso")
            #expect(report.cycles == 6000)
            #expect(report.overruns == 0)
            #expect(Set(report.interfacePoints.keys) == ["SUB-MISSION-12KV", "SUB-BAYVIEW-12KV"])
            #expect(report.kinds["battery"]?.count == 21)
            #expect(report.kinds["pv"]?.count == 203)
            #expect(report.kinds["load"]?.count == 5)
            #expect(report.kinds["dr"]?.count == 3)
            #expect(try #require(report.pjmComposite) >= 0.9, "21 batteries track a 6 MW RegD award")

            let csv = try RecordCSV(path: record)
            #expect(csv.rows.count == 300)
            #expect(csv.header.contains("net_import_kw_SUB-MISSION-12KV"))
            #expect(csv.header.contains("net_import_kw_SUB-BAYVIEW-12KV"))
            let award = try #require(csv.column("award_mw"))
            #expect(award.allSatisfy { $0 == 6 })
            let rescored = try Rescore(csv, recordPeriodSeconds: 2)
            try rescored.expectMatches(report)
        }
    }
}
