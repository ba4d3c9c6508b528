import DSOSimulation
import DSOScenario
import Foundation

/// 24 hours at a 100 ms cycle with about 1,000 resources, on the virtual clock, devices included.
let fastForwardBenchmark = Benchmark(
    name: "fast-forward",
    summary: "24 h of the example DSO scaled to ~1,000 resources on the virtual clock (target < 60 s)"
) { arguments in
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("examples/small-dso.toml").path
    // Scale the example's fleets five-fold: same physics, profiles and schedules' shape.
    var text = try String(contentsOfFile: path, encoding: .utf8)
    for (from, to) in [("count = 120", "count = 600"), ("count = 80", "count = 360"), ("count = 11", "count = 40"),
                       ("count = 6\n", "count = 20\n")] {
        text = text.replacingOccurrences(of: from, with: to)
    }
    let scenario = try Scenario.parse(toml: text, path: path)
    let hours = arguments.quick ? 1.0 : 24.0
    let simulation = try SubstationSimulation(scenario: scenario)
    let summary = try simulation.run(SimulationOptions(durationSeconds: hours * 3600))
    print("| resources | simulated | cycles | wall s | × real time | PJM composite |")
    print("|---:|---:|---:|---:|---:|---:|")
    print("| \(scenario.model.resources.count) | \(format(hours, 0)) h | \(summary.cycles) | \(format(summary.wallSeconds, 1)) "
          + "| \(format(summary.simulatedSeconds / summary.wallSeconds, 0)) | \(format(summary.scores.pjm?.composite ?? .nan, 3)) |")
    print("\nTarget: 24 h in under 60 s wall.")
}
