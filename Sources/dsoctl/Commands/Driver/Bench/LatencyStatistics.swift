/// Round-trip times of successful reads: percentiles and a histogram on fixed 1-2-5 millisecond buckets.
struct LatencyStatistics: Encodable {
    let count: Int
    let minMs: JSONNumber
    let p50Ms: JSONNumber
    let p99Ms: JSONNumber
    let maxMs: JSONNumber
    let meanMs: JSONNumber
    let histogram: [Bucket]

    /// Reads that took more than `fromMs` and at most `upToMs`; the last bucket has `upToMs` null (beyond).
    struct Bucket: Encodable {
        let fromMs: Double
        let upToMs: JSONNumber
        let count: Int
    }

    /// Bucket bounds, ms: 0.1 … 5000 on a 1-2-5 series.
    static let boundsMs: [Double] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]

    init(nanoseconds: [Int64]) {
        let sorted = nanoseconds.sorted().map { Double($0) / 1e6 }
        count = sorted.count
        func percentile(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            // Nearest rank: the smallest value with at least `fraction` of the reads at or below it.
            let rank = Int((fraction * Double(sorted.count)).rounded(.up))
            return sorted[min(max(rank, 1), sorted.count) - 1]
        }
        minMs = JSONNumber(sorted.first ?? .nan)
        p50Ms = JSONNumber(percentile(0.5))
        p99Ms = JSONNumber(percentile(0.99))
        maxMs = JSONNumber(sorted.last ?? .nan)
        meanMs = JSONNumber(sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count))
        var counts = Array(repeating: 0, count: Self.boundsMs.count + 1)
        for value in sorted {
            counts[Self.boundsMs.firstIndex { value <= $0 } ?? Self.boundsMs.count] += 1
        }
        // Only the span that holds reads, so the printed histogram stays short.
        let first = counts.firstIndex { $0 > 0 } ?? 0
        let last = counts.lastIndex { $0 > 0 } ?? -1
        histogram = first <= last
            ? (first...last).map { Bucket(fromMs: $0 == 0 ? 0 : Self.boundsMs[$0 - 1], upToMs: JSONNumber($0 < Self.boundsMs.count ? Self.boundsMs[$0] : .infinity), count: counts[$0]) }
            : []
    }

    /// The histogram as rows of a table with a bar of `#` scaled to the fullest bucket.
    func histogramTable() -> Table {
        var table = Table(["round trip", "reads", "share", "histogram"], alignments: [.right, .right, .right, .left])
        let fullest = histogram.map(\.count).max() ?? 1
        for bucket in histogram {
            let lower = bucket.fromMs
            let range = bucket.upToMs.value.isFinite
                ? "\(NumberText.trimmed(lower))–\(NumberText.trimmed(bucket.upToMs.value)) ms" : "> \(NumberText.trimmed(lower)) ms"
            let share = String(format: "%.1f %%", 100 * Double(bucket.count) / Double(max(count, 1)))
            table.append([range, "\(bucket.count)", share, String(repeating: "#", count: bucket.count * 40 / max(fullest, 1))])
        }
        return table
    }
}
