import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod simulate` end to end: the summary it prints and the numbers in it.
@Suite struct SimulateSummaryTests {
    @Test func summaryReportsCyclesInterfacePointsScoresAndEnergy() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario], in: folder)
            #expect(result.status == 0 && result.exited, "\(result)")
            #expect(!result.looksLikeACrash)
            let report = SummaryReport(result.stdout)

            #expect(report.scenarioName == "e2e-small")
            // 300 s at 0.1 s: 3000 cycles, on the virtual clock (far faster than real time) and without overruns.
            #expect(report.cycles == 3000, "\(result.stdout)")
            #expect(report.periodMilliseconds == 100)
            #expect(report.simulatedText == "5m00s")
            #expect(try #require(report.wallSeconds) < 60)
            #expect(report.overruns == 0)
            #expect(report.timer == nil, "no timer statistics on the virtual clock")
            #expect(report.digest?.isEmpty == false)

            // Both interface points, with their band and no infeasible cycles.
            #expect(Set(report.interfacePoints.keys) == ["SUB-A", "SUB-B"], "\(result.stdout)")
            for id in ["SUB-A", "SUB-B"] {
                let point = try #require(report.interfacePoints[id])
                #expect(point.bandKW == 100)
                #expect(point.infeasibleCycles == 0)
                #expect(point.rmsACEKW >= abs(point.meanACEKW) - 0.1)
                #expect(point.maxAbsACEKW >= point.rmsACEKW - 0.1)
                #expect(point.maxAbsACEKW < 100, "a 600 kW battery holds a 300 kW point inside its 100 kW band")
            }

            // Regulation: award, one sample per 2-s record period, PJM composite = mean of its three parts.
            #expect(report.awardMW == 1.0)
            #expect(report.samples == 150)
            let composite = try #require(report.pjmComposite, "\(result.stdout)")
            let accuracy = try #require(report.pjmAccuracy)
            let delay = try #require(report.pjmDelay)
            let precision = try #require(report.pjmPrecision)
            for score in [composite, accuracy, delay, precision] { #expect((0...1).contains(score)) }
            #expect(abs(composite - (accuracy + delay + precision) / 3) <= 0.0015)
            let caiso = try #require(report.caisoMeanAccuracy, "\(result.stdout)")
            #expect((0...1).contains(caiso))
            #expect(report.caisoIntervals == 1)
            #expect(try #require(report.caisoMileageMW) > 0)

            // Energy: per kind and per battery; the per-kind totals add up the per-resource rows.
            #expect(report.hasEnergySection)
            let batteries = try #require(report.kinds["battery"], "\(result.stdout)")
            #expect(batteries.count == 2)
            let loads = try #require(report.kinds["load"])
            #expect(loads.count == 2)
            // Loads draw (600 + 400) kW × ~0.5 for 300 s ≈ 41.7 kWh and deliver nothing.
            #expect(abs(loads.absorbedKWh - 41.7) <= 0.3, "load energy \(loads.absorbedKWh) kWh")
            #expect(loads.deliveredKWh == 0)
            let a1 = try #require(report.resources["BESS-A1"], "\(result.stdout)")
            let b1 = try #require(report.resources["BESS-B1"])
            #expect(a1.kind == "battery" && a1.interfacePoint == "SUB-A")
            #expect(b1.kind == "battery" && b1.interfacePoint == "SUB-B")
            #expect(abs(a1.outKWh + b1.outKWh - batteries.deliveredKWh) <= 0.06)
            #expect(abs(a1.inKWh + b1.inKWh - batteries.absorbedKWh) <= 0.06)
            #expect(a1.outKWh > 0 && a1.inKWh > 0, "a battery carrying RegD both charges and discharges")
            #expect(report.resources["LOAD-A"] == nil, "loads are listed only with --verbose")
        }
    }

    /// The cycle count is the run length over the kernel period, whatever form the duration takes.
    @Test(arguments: [
        (period: 0.1, duration: "90s", cycles: 900, simulated: "1m30s"),
        (period: 0.1, duration: "1m30s", cycles: 900, simulated: "1m30s"),
        (period: 0.1, duration: "2m", cycles: 1200, simulated: "2m00s"),
        (period: 0.1, duration: "45", cycles: 450, simulated: "45.0s"),
        (period: 0.25, duration: "1m", cycles: 240, simulated: "1m00s"),
        (period: 0.5, duration: "0.1h", cycles: 720, simulated: "6m00s"),
    ])
    func cycleCountIsDurationOverPeriod(period: Double, duration: String, cycles: Int, simulated: String) async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder, ScenarioFiles.twoPointScenario(periodSeconds: period))
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", duration], in: folder)
            #expect(result.status == 0, "\(result)")
            let report = SummaryReport(result.stdout)
            #expect(report.cycles == cycles, "\(result.stdout)")
            #expect(report.periodMilliseconds == period * 1000)
            #expect(report.simulatedText == simulated)
            #expect(report.overruns == 0)
            // One regulation sample per 2-s record period.
            #expect(report.samples == Int((Double(cycles) * period / 2).rounded(.up)))
        }
    }

    @Test func verboseListsEveryResource() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "60s", "--verbose"], in: folder)
            #expect(result.status == 0, "\(result)")
            let report = SummaryReport(result.stdout)
            let load = try #require(report.resources["LOAD-A"], "\(result.stdout)")
            #expect(load.kind == "load" && load.interfacePoint == "SUB-A")
            // 600 kW × ~0.5 for a minute.
            #expect(abs(load.inKWh - 5.0) <= 0.05, "LOAD-A drew \(load.inKWh) kWh")
            #expect(report.resources["LOAD-B"] != nil)
            #expect(report.resources["BESS-A1"] != nil)
            #expect(!result.stdout.contains("--verbose"), "the --verbose hint is for runs without it")
        }
    }
}
