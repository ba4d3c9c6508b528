import DSODispatch
import Foundation

/// Economic dispatch: exact breakpoint solver, cold and warm-started, against HiGHS on the same instances.
let dispatchBenchmark = Benchmark(
    name: "dispatch",
    summary: "economic dispatch solve time and allocations at N = 100, 1,000, 10,000 vs HiGHS (highspy)"
) { arguments in
    try DispatchBench(quick: arguments.quick).run()
}

/// SplitMix64, so the instances (and hence HiGHS's inputs) are the same in every run.
private struct BenchGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One interface point's resources in preallocated struct-of-arrays storage, as the kernel holds them.
private final class BenchInstance {
    let count: Int
    let lower, upper, baseUpper, linearCost, quadraticCost, output: UnsafeMutableBufferPointer<Double>
    var targetKW = 0.0
    var baseTargetKW = 0.0

    /// Mixed fleet: 30 % quadratic units, the rest linear DERs (some fixed, some batteries).
    init(count: Int, seed: UInt64) {
        self.count = count
        func buffer() -> UnsafeMutableBufferPointer<Double> {
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            buffer.initialize(repeating: 0)
            return buffer
        }
        lower = buffer(); upper = buffer(); baseUpper = buffer()
        linearCost = buffer(); quadraticCost = buffer(); output = buffer()
        var generator = BenchGenerator(state: seed)
        for i in 0..<count {
            let kind = Double.random(in: 0..<1, using: &generator)
            var lo = Double.random(in: -200...100, using: &generator)
            var hi = lo + Double.random(in: 0...300, using: &generator)
            if kind < 0.05 { hi = lo }
            if kind > 0.9 { lo = -Double.random(in: 0...50, using: &generator); hi = -lo }
            lower[i] = lo
            upper[i] = hi
            baseUpper[i] = hi
            linearCost[i] = Double.random(in: -20...120, using: &generator)
            quadraticCost[i] = Double.random(in: 0..<1, using: &generator) < 0.3
                ? Double.random(in: 0.001...2, using: &generator) : 0
        }
        var lowerSum = 0.0, upperSum = 0.0
        for i in 0..<count { lowerSum += lower[i]; upperSum += upper[i] }
        baseTargetKW = lowerSum + 0.45 * (upperSum - lowerSum)
        targetKW = baseTargetKW
    }

    deinit {
        for buffer in [lower, upper, baseUpper, linearCost, quadraticCost, output] { buffer.deallocate() }
    }

    /// The per-cycle change: 5 % of upper limits move by up to ±2 kW and the target by up to ±0.2 %.
    func perturb(using generator: inout BenchGenerator) {
        for i in 0..<count {
            upper[i] = baseUpper[i]
            if Double.random(in: 0..<1, using: &generator) < 0.05 {
                upper[i] = max(lower[i], baseUpper[i] + Double.random(in: -2...2, using: &generator))
            }
        }
        targetKW = baseTargetKW * (1 + Double.random(in: -0.002...0.002, using: &generator))
    }

    func solve(_ solver: inout EconomicDispatchSolver) -> DispatchResult {
        solver.solve(
            lower: UnsafeBufferPointer(lower), upper: UnsafeBufferPointer(upper),
            linearCost: UnsafeBufferPointer(linearCost), quadraticCost: UnsafeBufferPointer(quadraticCost),
            targetKW: targetKW, output: output
        )
    }

    func json(name: String, ourCost: Double) -> String {
        func array(_ buffer: UnsafeMutableBufferPointer<Double>) -> String {
            "[" + buffer.map { "\($0)" }.joined(separator: ",") + "]"
        }
        return """
        {"name":"\(name)","lower":\(array(lower)),"upper":\(array(upper)),"linearCost":\(array(linearCost)),\
        "quadraticCost":\(array(quadraticCost)),"targetKW":\(targetKW),"ourCost":\(ourCost)}
        """
    }
}

private struct DispatchBenchError: Error, CustomStringConvertible {
    let description: String
}

/// Measures our solver in process, then HiGHS's `run()` on the same instances via the Python peer.
private struct DispatchBench {
    let quick: Bool

    struct Row {
        var count = 0
        var cold = Percentiles([])
        var warm = Percentiles([])
        var allocationsPerSolve = 0.0
        var ourCost = 0.0
        var highsMedianMicroseconds = Double.nan
        var highsObjective = Double.nan
    }

    func run() throws {
        let sizes = [100, 1000, 10000]
        var rows: [Row] = []
        var documents: [String] = []
        for (number, count) in sizes.enumerated() {
            let instance = BenchInstance(count: count, seed: 0xBE_7C4 + UInt64(number))
            var row = Row()
            row.count = count
            let solves = quick ? 200 : max(300, 2_000_000 / count)
            var solver = EconomicDispatchSolver(maximumResourceCount: count)

            // Cold: no warm-start λ, the worst case for a first cycle or after a topology change.
            var coldNanoseconds: [Double] = []
            coldNanoseconds.reserveCapacity(solves)
            var result = instance.solve(&solver)
            guard result.status == .optimal else { throw DispatchBenchError(description: "N=\(count): \(result.status)") }
            row.ourCost = result.totalCostPerHour
            for _ in 0..<solves {
                solver.warmStartMarginalCostPerKWh = .nan
                let start = nowNanoseconds()
                result = instance.solve(&solver)
                coldNanoseconds.append(Double(nowNanoseconds() - start))
            }
            row.cold = Percentiles(coldNanoseconds.map { $0 / 1000 })
            let (_, allocationCount) = allocations {
                for _ in 0..<100 {
                    solver.warmStartMarginalCostPerKWh = .nan
                    result = instance.solve(&solver)
                }
                for _ in 0..<100 { result = instance.solve(&solver) }
            }
            row.allocationsPerSolve = Double(allocationCount) / 200

            // Warm: the per-cycle case, re-solving after a small perturbation from the previous λ.
            var generator = BenchGenerator(state: 0x5EED + UInt64(count))
            var warmNanoseconds: [Double] = []
            warmNanoseconds.reserveCapacity(solves)
            for _ in 0..<solves {
                instance.perturb(using: &generator)
                let start = nowNanoseconds()
                result = instance.solve(&solver)
                warmNanoseconds.append(Double(nowNanoseconds() - start))
                guard result.status == .optimal else { throw DispatchBenchError(description: "warm N=\(count): \(result.status)") }
            }
            row.warm = Percentiles(warmNanoseconds.map { $0 / 1000 })
            // Restore the base instance for HiGHS.
            for i in 0..<count { instance.upper[i] = instance.baseUpper[i] }
            instance.targetKW = instance.baseTargetKW
            rows.append(row)
            documents.append(instance.json(name: "N\(count)", ourCost: row.ourCost))
        }
        try timeHighs(&rows, documents: documents)
        print("Instances: mixed fleet (30 % quadratic, 5 % fixed, 10 % batteries), target at 45 % of range.")
        print("Ours: wall time per `solve` in this process (release). HiGHS: only `Highs.run()` in-process in")
        print("Python (highspy; QP active set, as HiGHS chooses for a model with a Hessian), model passed untimed.\n")
        print("| N | cold median µs | cold p99 µs | warm median µs | warm p99 µs | allocs/solve | HiGHS run() median µs | speed-up cold | speed-up warm | cost rel. diff |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            let relative = abs(row.ourCost - row.highsObjective) / max(1, abs(row.highsObjective))
            print("| \(row.count) | \(format(row.cold.median)) | \(format(row.cold.at(0.99))) | \(format(row.warm.median)) | \(format(row.warm.at(0.99))) | \(format(row.allocationsPerSolve, 0)) | \(format(row.highsMedianMicroseconds, 0)) | \(format(row.highsMedianMicroseconds / row.cold.median, 0))× | \(format(row.highsMedianMicroseconds / row.warm.median, 0))× | \(String(format: "%.1e", relative)) |")
        }
        for row in rows where row.allocationsPerSolve != 0 {
            throw DispatchBenchError(description: "N=\(row.count) allocates \(row.allocationsPerSolve) per solve")
        }
    }

    /// Fills the HiGHS columns from `dispatch_highs_check.py --time`; leaves NaN when the peer is missing.
    func timeHighs(_ rows: inout [Row], documents: [String]) throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            print("HiGHS peer unavailable: run scripts/setup-peers.sh to create \(python.path)\n")
            return
        }
        // HiGHS's QP needs ~30 s at N = 10,000, so it runs once there (and is skipped with --quick).
        let plan: [(index: Int, repeats: Int)] = quick ? [(0, 5), (1, 2)] : [(0, 20), (1, 5), (2, 1)]
        for (index, repeats) in plan {
            let file = FileManager.default.temporaryDirectory
                .appendingPathComponent("opendso-dispatch-bench-\(ProcessInfo.processInfo.processIdentifier).json")
            try Data("{\"instances\":[\(documents[index])]}".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = python
            process.arguments = [root.appendingPathComponent("Tests/peers/dispatch_highs_check.py").path,
                                 "--time", file.path, "--repeats", "\(repeats)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let report = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let results = report["results"] as? [[String: Any]],
                  let seconds = results.first?["seconds"] as? [Double],
                  let objective = results.first?["objective"] as? Double
            else { throw DispatchBenchError(description: "HiGHS timing failed for N=\(rows[index].count)") }
            rows[index].highsMedianMicroseconds = Percentiles(seconds).median * 1e6
            rows[index].highsObjective = objective
        }
    }
}
