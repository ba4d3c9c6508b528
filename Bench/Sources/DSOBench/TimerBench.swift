import DSORuntime
import Foundation
import MallocCounter
import Synchronization

/// Cycle-start lateness of CycleTimer next to cyclictest (SCHED_OTHER, same period, run one
/// after the other), so jitter is judged against what the kernel can do on this machine.
let timerBenchmark = Benchmark(
    name: "timer",
    summary: "CycleTimer cycle-start lateness vs cyclictest --policy=other at 10 ms and 100 ms"
) { arguments in
    let runs: [(milliseconds: Int64, cycles: Int)] = arguments.quick ? [(10, 300), (100, 30)] : [(10, 3000), (100, 300)]
    let cyclictestPath = "/usr/bin/cyclictest"
    let haveCyclictest = FileManager.default.isExecutableFile(atPath: cyclictestPath)
    if !haveCyclictest {
        print("**cyclictest not found at \(cyclictestPath)** (Debian package rt-tests; scripts/setup-peers.sh installs it): reporting CycleTimer only.\n")
    }
    print("Lateness in µs (CycleTimer: log buckets, percentiles rounded up to a bucket bound, max exact; cyclictest: 1 µs buckets).")
    print("cyclictest holds /dev/cpu_dma_latency at 0 while it runs; the 'CycleTimer + cpu_dma_latency 0' row does the same for a like-for-like view.\n")
    print("| period | timer | cycles | p50 | p99 | p99.9 | max | overruns | deadline misses | process allocations per cycle |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run in runs {
        let period = try CyclePeriod(milliseconds: run.milliseconds)
        let (plain, allocationsPerCycle) = measureCycleTimer(period: period, cycles: run.cycles)
        printRow(period: period, timer: "CycleTimer", plain, allocationsPerCycle)
        if let (held, heldAllocations) = withCPUDMALatencyZero({ measureCycleTimer(period: period, cycles: run.cycles) }) {
            printRow(period: period, timer: "CycleTimer + cpu_dma_latency 0", held, heldAllocations)
        }
        if haveCyclictest {
            if let reference = runCyclictest(path: cyclictestPath, periodMicroseconds: Int(run.milliseconds) * 1000, loops: run.cycles) {
                print("| \(period) | cyclictest --policy=other | \(reference.count) | \(reference.p50) | \(reference.p99) | \(reference.p999) | \(reference.max) | \(reference.overflowNote) | n/a | n/a |")
            } else {
                print("| \(period) | cyclictest --policy=other | failed to run or parse | | | | | | |")
            }
        }
    }
}

private func printRow(period: CyclePeriod, timer: String, _ statistics: CycleStatistics, _ allocationsPerCycle: Double) {
    func microseconds(_ nanoseconds: Int64) -> String { format(Double(nanoseconds) / 1000, 0) }
    print("| \(period) | \(timer) | \(statistics.cycles) | \(microseconds(statistics.p50LatenessNanoseconds)) | \(microseconds(statistics.p99LatenessNanoseconds)) | \(microseconds(statistics.p999LatenessNanoseconds)) | \(microseconds(statistics.maxLatenessNanoseconds)) | \(statistics.overruns) | \(statistics.deadlineMisses) | \(format(allocationsPerCycle, 3)) |")
}

/// Runs an empty-handler CycleTimer until `cycles` grid points have passed; also returns the
/// process-wide heap allocations per cycle between the first and the last cycle (the main thread
/// only waits meanwhile, so this is the timer machinery's own count).
private func measureCycleTimer(period: CyclePeriod, cycles: Int) -> (CycleStatistics, Double) {
    let done = DispatchSemaphore(value: 0)
    let lastIndex = Int64(cycles - 1)
    let allocationCounts = AllocationWindow()
    let timer = CycleTimer(period: period, label: "bench.cycle") { tick in
        if tick.cycleIndex == 0 { allocationCounts.first.store(dso_malloc_count(), ordering: .relaxed) }
        if tick.cycleIndex >= lastIndex && tick.cycleIndex - tick.missedTicks <= lastIndex {
            allocationCounts.last.store(dso_malloc_count(), ordering: .relaxed)
            done.signal()
        }
    }
    timer.start()
    done.wait()
    timer.stop()
    let allocations = allocationCounts.last.load(ordering: .relaxed) &- allocationCounts.first.load(ordering: .relaxed)
    return (timer.statistics, Double(allocations) / Double(Swift.max(cycles - 1, 1)))
}

/// Allocation counter readings taken inside the handler at the first and the last cycle.
private final class AllocationWindow: Sendable {
    let first = Atomic<UInt64>(0)
    let last = Atomic<UInt64>(0)
}

/// Holds /dev/cpu_dma_latency at 0 µs (keeps CPUs out of deep idle states) while `body` runs,
/// as cyclictest does; nil when the device cannot be opened.
private func withCPUDMALatencyZero<T>(_ body: () -> T) -> T? {
    let descriptor = open("/dev/cpu_dma_latency", O_WRONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var target: Int32 = 0
    guard write(descriptor, &target, MemoryLayout<Int32>.size) == MemoryLayout<Int32>.size else { return nil }
    return body()
}

/// cyclictest's view of the same period: percentiles from its 1 µs histogram.
private struct CyclictestResult {
    let count: Int
    let p50: String
    let p99: String
    let p999: String
    let max: String
    let overflowNote: String
}

private func runCyclictest(path: String, periodMicroseconds: Int, loops: Int) -> CyclictestResult? {
    let histogramRangeMicroseconds = 20_000
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--policy=other", "-i", "\(periodMicroseconds)", "-l", "\(loops)", "-q", "-h", "\(histogramRangeMicroseconds)"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else { return nil }

    var counts: [(microseconds: Int, count: Int)] = []
    var maxMicroseconds: Int?
    var overflows = 0
    for line in text.split(separator: "\n") {
        if line.hasPrefix("# Max Latencies:") {
            maxMicroseconds = Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
        } else if line.hasPrefix("# Histogram Overflows:") {
            overflows = Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) ?? 0
        } else if !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let bucket = Int(fields[0]), let count = Int(fields[1]), count > 0 {
                counts.append((bucket, count))
            }
        }
    }
    guard let maxMicroseconds else { return nil }
    let total = counts.reduce(0) { $0 + $1.count } + overflows
    guard total > 0 else { return nil }
    func percentile(_ fraction: Double) -> String {
        let rank = Swift.max(1, Int((fraction * Double(total)).rounded(.up)))
        var seen = 0
        for entry in counts {
            seen += entry.count
            if seen >= rank { return "\(entry.microseconds)" }
        }
        return ">\(histogramRangeMicroseconds)"
    }
    return CyclictestResult(
        count: total, p50: percentile(0.5), p99: percentile(0.99), p999: percentile(0.999),
        max: "\(maxMicroseconds)", overflowNote: overflows > 0 ? "\(overflows) over \(histogramRangeMicroseconds) µs" : "n/a"
    )
}
