import Foundation

// Each benchmark lives in its own file and registers here.
let all: [Benchmark] = [
    dispatchBenchmark,
    cycleBenchmark,
    fastForwardBenchmark,
    regulationBenchmark,
    ringBenchmark,
    timerBenchmark,
    pluginBenchmark,
    canBenchmark,
    modbusBenchmark,
    modbusFleetBenchmark,
    forecastRefreshBenchmark,
    planBenchmark,
    planEconomicsBenchmark,
    Benchmark(name: "alloc-selftest", summary: "the allocation counter sees Swift allocations") { _ in
        let (_, count) = allocations { [Int](repeating: 1, count: 1000).count }
        print("allocations for one 1000-element array: \(count)")
        precondition(count >= 1, "malloc interposition is not active")
    },
]

var arguments = BenchArguments()
var selected: [String] = []
for argument in CommandLine.arguments.dropFirst() {
    switch argument {
    case "--quick": arguments.quick = true
    case "--list":
        for benchmark in all { print("\(benchmark.name)\t\(benchmark.summary)") }
        exit(0)
    default: selected.append(argument)
    }
}
let unknown = selected.filter { name in !all.contains { $0.name == name } }
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("dso-bench: unknown benchmark \(unknown.joined(separator: ", ")); --list shows them\n".utf8))
    exit(64)
}
let date = ISO8601DateFormatter().string(from: Date())
print("# OpenDSO benchmarks, \(date), \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
for benchmark in all where selected.isEmpty || selected.contains(benchmark.name) {
    print("## \(benchmark.name): \(benchmark.summary)\n")
    do { try benchmark.run(arguments) } catch {
        print("FAILED: \(error)")
        exit(1)
    }
    print("")
}
