import Foundation
import MallocCounter

/// A named benchmark: prints a Markdown section of results to standard output.
struct Benchmark: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (_ arguments: BenchArguments) throws -> Void
}

/// Options shared by all benchmarks (`--quick` shortens runs for smoke tests in CI).
struct BenchArguments: Sendable {
    var quick = false
}

/// Heap allocations made while `body` runs, counted by the interposed allocator.
func allocations<T>(during body: () throws -> T) rethrows -> (result: T, count: UInt64) {
    let before = dso_malloc_count()
    let result = try body()
    return (result, dso_malloc_count() - before)
}

/// Monotonic nanoseconds for timing measured regions.
@inline(__always) func nowNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

/// Order statistics of a sample, printed as microseconds.
struct Percentiles {
    let sorted: [Double]
    init(_ values: [Double]) { sorted = values.sorted() }
    func at(_ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let index = Swift.min(sorted.count - 1, Swift.max(0, Int((q * Double(sorted.count - 1)).rounded())))
        return sorted[index]
    }
    var median: Double { at(0.5) }
    var max: Double { sorted.last ?? .nan }
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

/// A benchmark whose guarantee did not hold (e.g. a steady-state cycle allocated): exits non-zero.
struct BenchFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
