import DSOKernel
import DSOModel
import DSOScenario
import Foundation
import OpenDSOTestSupport

/// Kernel cycle compute time and allocations for 100, 1,000 and 10,000 resources over 16 interface points.
let cycleBenchmark = Benchmark(
    name: "cycle",
    summary: "kernel cycle compute time and heap allocations per steady-state cycle (16 interface points)"
) { arguments in
    var failures: [String] = []
    print("| resources | median µs | p99 µs | max µs | allocations / cycle | cycles measured |")
    print("|---:|---:|---:|---:|---:|---:|")
    for count in [100, 1_000, 10_000] {
        let synthetic = try SyntheticSubstation(resourceCount: count, interfacePointCount: 16)
        let kernel = try ControlKernel(model: synthetic.model)
        for entry in synthetic.initialSchedules() { _ = kernel.inbound.ring(.scheduleFiles).push(.schedule(entry)) }
        _ = kernel.inbound.ring(.isoLink).push(.regulation(.award(kw: synthetic.awardKW, at: 0)))
        var cycle: Int64 = 0
        func runCycle() {
            synthetic.fillBoard(kernel, cycle: cycle)
            if cycle % 20 == 0 {
                let signal = sin(Double(cycle) / 300)
                _ = kernel.inbound.ring(.isoLink).push(.regulation(.signal(signal, sequence: UInt64(cycle + 1), at: Double(cycle) * 0.1)))
            }
            kernel.step(atNanoseconds: cycle &* kernel.configuration.periodNanoseconds)
            kernel.records.consume { _ in }
            _ = kernel.records.events.drain { _ in }
            cycle += 1
        }
        for _ in 0..<300 { runCycle() }  // warm-up: first verdicts, schedules, records pool cycling
        let measured = arguments.quick ? 300 : (count >= 10_000 ? 2_000 : 5_000)
        var samples = [Double](repeating: 0, count: measured)
        // Allocation count over the same cycles, board filling included (it allocates nothing either).
        let (_, allocated) = allocations {
            for index in 0..<measured {
                synthetic.fillBoard(kernel, cycle: cycle)
                if cycle % 20 == 0 {
                    _ = kernel.inbound.ring(.isoLink).push(.regulation(.signal(sin(Double(cycle) / 300), sequence: UInt64(cycle + 1),
                                                               at: Double(cycle) * 0.1)))
                }
                let start = nowNanoseconds()
                kernel.step(atNanoseconds: cycle &* kernel.configuration.periodNanoseconds)
                samples[index] = Double(nowNanoseconds() - start) / 1000
                kernel.records.consume { _ in }
                _ = kernel.records.events.drain { _ in }
                cycle += 1
            }
        }
        let stats = Percentiles(samples)
        print("| \(count) | \(format(stats.median, 1)) | \(format(stats.at(0.99), 1)) | \(format(stats.max, 1)) "
              + "| \(format(Double(allocated) / Double(measured), 3)) | \(measured) |")
        if allocated > 0 { failures.append("\(count) resources: \(allocated) allocations in \(measured) cycles") }
    }
    if !failures.isEmpty { throw BenchFailure(message: "steady-state cycles allocated: " + failures.joined(separator: "; ")) }
    print("\nTarget: 10,000 resources under 250 µs median; 0 allocations per steady-state cycle.")
}
