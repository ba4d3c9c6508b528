/// A kernel histogram read from dsod's `/metrics` (Prometheus text): how long cycles took or how late they started.
/// The API gives buckets, not samples, so p99 and worst are bucket bounds ("at most").
struct CycleTimes: Encodable {
    let count: Int
    let meanMs: JSONNumber
    /// The bucket bound at or below which 99 % (and all) of the cycles fall, ms.
    let p99UpToMs: JSONNumber
    let worstUpToMs: JSONNumber

    /// Reads `<name>_bucket{le="…"}`, `<name>_sum` and `<name>_count` from the exposition; nil when absent or empty.
    init?(metrics text: String, name: String) {
        var buckets: [(bound: Double, cumulative: Double)] = []
        var sum: Double?
        var total: Double?
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let value = Double(parts[1]) else { continue }
            let series = parts[0]
            if series == "\(name)_sum" { sum = value }
            else if series == "\(name)_count" { total = value }
            else if series.hasPrefix("\(name)_bucket{le=\""), let close = series.lastIndex(of: "\"") {
                let start = series.index(series.startIndex, offsetBy: "\(name)_bucket{le=\"".count)
                let bound = series[start..<close]
                buckets.append((bound == "+Inf" ? .infinity : Double(bound) ?? .nan, value))
            }
        }
        guard let total, total > 0, let sum else { return nil }
        buckets.sort { $0.bound < $1.bound }
        func bound(covering fraction: Double) -> Double {
            (buckets.first { $0.cumulative >= fraction * total }?.bound ?? .infinity) * 1000
        }
        count = Int(total)
        meanMs = JSONNumber(sum / total * 1000)
        p99UpToMs = JSONNumber(bound(covering: 0.99))
        worstUpToMs = JSONNumber(bound(covering: 1))
    }

    var text: String {
        "mean \(NumberText.trimmed(meanMs.value, decimals: 3)) ms, p99 ≤ \(NumberText.trimmed(p99UpToMs.value, decimals: 3)) ms, "
            + "worst ≤ \(NumberText.trimmed(worstUpToMs.value, decimals: 3)) ms (\(count) cycles)"
    }
}
