import DSOKernel
import DSOSimulation
import DSOScenario
import Foundation

/// Scored regulation runs of the example DSO: RegD-type for 40 min and RegA-type for 8 h, each with the
/// tracker and with the naive proportional allocator, on the same signal and fleet.
let regulationBenchmark = Benchmark(
    name: "regulation",
    summary: "PJM/CAISO scores of the example fleet (2 s command delay): RegD 40 min, RegA 8 h; tracker vs naive"
) { arguments in
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let scenarioPath = root.appendingPathComponent("examples/small-dso.toml").path
    let scenario = try Scenario.load(path: scenarioPath)
    // The real PJM RegA afternoon lives beside the repository (../shared), not in it; fall back to the generator.
    let realRegA = root.deletingLastPathComponent().appendingPathComponent("shared/data/regulation/pjm_rega_2017-08-01_1600-2400_2s.csv").path
    let regA: RegulationSignal
    let regAName: String
    if FileManager.default.fileExists(atPath: realRegA) {
        regA = try RegulationSignal.load(csvAtPath: realRegA)
        regAName = "PJM RegA 2017-08-01 16:00–24:00 (real)"
    } else {
        regA = RegulationSignalKind.regA.generate(durationSeconds: 8 * 3600, samplePeriodSeconds: 2, seed: 7)
        regAName = "generated RegA-like (real file not found)"
    }
    let regD = RegulationSignalKind.regD.generate(durationSeconds: 3600, samplePeriodSeconds: 2, seed: 11)
    // RegA is not energy-neutral (the real afternoon averages −0.46): at the example's 6 MW award it would
    // push ~22 MWh into a 23.5 MWh fleet. An operator sizes a RegA award to the energy the interface
    // points' deviation bands can move; 2 MW is that size here. Both are shown.
    let regADuration = arguments.quick ? 3600.0 : 8 * 3600
    let runs: [(String, RegulationSignal, Double, Double)] = [
        ("generated RegD-like", regD, 40 * 60, scenario.regulation.awardMW),
        (regAName, regA, regADuration, 2),
        (regAName, regA, regADuration, scenario.regulation.awardMW),
    ]
    print("| signal | award MW | duration | allocator | PJM composite | accuracy | delay | precision | CAISO accuracy | battery SOC range | battery-time outside SOC band | wall s |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for (name, signal, duration, award) in runs {
        for strategy in RegulationTuning.Strategy.allCases {
            var sized = scenario
            sized.regulation.awardMW = award
            let simulation = try SubstationSimulation(scenario: sized, signalOverride: signal,
                                                      regulationTuning: RegulationTuning(strategy: strategy))
            let summary = try simulation.run(SimulationOptions(durationSeconds: duration))
            let pjm = summary.scores.pjm
            let soc = summary.batterySOCRange.map { "\(format($0.lowerBound * 100, 1)) … \(format($0.upperBound * 100, 1)) %" } ?? "–"
            print("| \(name) | \(format(award, 1)) | \(format(duration / 60, 0)) min | \(strategy.rawValue) | \(format(pjm?.composite ?? .nan, 3)) "
                  + "| \(format(pjm?.accuracy ?? .nan, 3)) | \(format(pjm?.delay ?? .nan, 3)) | \(format(pjm?.precision ?? .nan, 3)) "
                  + "| \(format(summary.scores.caisoMeanAccuracy ?? .nan, 3)) | \(soc) "
                  + "| \(format(summary.batterySecondsOutsideSOCBand / 60, 1)) min | \(format(summary.wallSeconds, 1)) |")
        }
    }
    print("\nTargets: RegD 40 min composite ≥ 0.95; RegA 8 h composite ≥ 0.90 with SOC kept in band.")
}
