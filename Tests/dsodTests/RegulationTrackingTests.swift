import Foundation
import OpenDSOTestSupport
import Testing

/// Regulation tracking end to end: batteries with a 2-s command delay carrying a RegD award.
@Suite struct RegulationTrackingTests {
    @Test func batteriesTrackRegDAndAThrottledFleetScoresClearlyLower() async throws {
        try await TemporaryFolder.with { folder in
            let good = try folder.write("good.toml", RegulationFiles.trackingScenario(rampKWPerSecond: 750))
            // Same fleet, ramp 0.001 kW/s: it cannot follow, whatever the tracker commands.
            let throttled = try folder.write("throttled.toml", RegulationFiles.trackingScenario(rampKWPerSecond: 0.001))
            let goodRun = try await BuiltExecutable.dsod.run(["simulate", "--scenario", good, "--record", folder.file("good.csv")], in: folder)
            let badRun = try await BuiltExecutable.dsod.run(["simulate", "--scenario", throttled], in: folder)
            #expect(goodRun.status == 0 && badRun.status == 0, "\(goodRun)\n\(badRun)")
            let goodReport = SummaryReport(goodRun.stdout)
            let badReport = SummaryReport(badRun.stdout)
            #expect(goodReport.cycles == 9000)
            #expect(goodReport.samples == 450)

            let goodComposite = try #require(goodReport.pjmComposite, "\(goodRun.stdout)")
            let badComposite = try #require(badReport.pjmComposite, "\(badRun.stdout)")
            #expect(goodComposite >= 0.9, "PJM composite \(goodComposite) for 2.25 MW of batteries on a 1.5 MW award")
            #expect(try #require(goodReport.caisoMeanAccuracy) >= 0.8)
            #expect(badComposite <= 0.7, "a fleet that cannot move scored \(badComposite)")
            #expect(goodComposite - badComposite >= 0.25)
            let badPrecision = try #require(badReport.pjmPrecision)
            #expect(badPrecision < (try #require(goodReport.pjmPrecision)))
            #expect(try #require(badReport.caisoMeanAccuracy) < 0.5)

            // The throttled batteries barely moved; the tracking ones cycled energy both ways.
            let badBatteries = try #require(badReport.kinds["battery"])
            #expect(badBatteries.deliveredKWh + badBatteries.absorbedKWh <= 0.5)
            let goodBatteries = try #require(goodReport.kinds["battery"])
            #expect(goodBatteries.deliveredKWh > 5 && goodBatteries.absorbedKWh > 5)

            // The record agrees: the response follows the target closely.
            let csv = try RecordCSV(path: folder.file("good.csv"))
            let target = try #require(csv.column("regulation_target_mw"))
            let response = try #require(csv.column("regulation_response_mw"))
            let meanAbsError = zip(target, response).map { abs($0 - $1) }.reduce(0, +) / Double(target.count)
            #expect(meanAbsError < 0.15, "mean |target − response| = \(meanAbsError) MW on a 1.5 MW award")
        }
    }

    /// A constant signal held for minutes by a fleet with ample headroom: the response settles on the target.
    /// (A tracker whose correction keeps a transient error forever would settle off target.)
    @Test func constantSignalResponseSettlesOnTheTarget() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let signal = try folder.write("constant.csv", RegulationFiles.constantSignalCSV(value: 0.5, seconds: 400))
            let record = folder.file("out.csv")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--signal", signal, "--duration", "300s",
                                             "--record", record], in: folder)
            #expect(result.status == 0, "\(result)")
            let csv = try RecordCSV(path: record)
            let times = try #require(csv.column("time_s"))
            let signalColumn = try #require(csv.column("signal"))
            let target = try #require(csv.column("regulation_target_mw"))
            let response = try #require(csv.column("regulation_response_mw"))
            // --signal replaced the scenario's RegD signal.
            #expect(signalColumn.allSatisfy { $0 == 0.5 }, "signal column: \(Set(signalColumn))")
            let settled = times.indices.filter { times[$0] >= 60 }
            #expect(settled.count == 120)
            #expect(settled.allSatisfy { abs(target[$0] - 0.5) < 1e-9 }, "target = 0.5 × 1 MW award")
            // Within 0.5 % of the 1 MW award (5 kW) from t = 60 s on.
            let worst = try #require(settled.max { abs(response[$0] - target[$0]) < abs(response[$1] - target[$1]) })
            #expect(abs(response[worst] - target[worst]) <= 0.005,
                    "t = \(times[worst]) s: response \(response[worst]) MW against a \(target[worst]) MW target")
        }
    }
}
