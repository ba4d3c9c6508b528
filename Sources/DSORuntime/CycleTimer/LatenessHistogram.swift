/// A snapshot of cycle-start lateness in fixed log-spaced buckets, so jitter percentiles can be
/// read at any time without storing every sample.
public struct LatenessHistogram: Sendable, Hashable {
    /// Samples per bucket; bucket `i` covers up to `upperBoundNanoseconds(ofBucket: i)`.
    public let bucketCounts: [Int]
    /// The exact largest lateness recorded (percentiles are capped by it).
    public let maxNanoseconds: Int64

    public init(bucketCounts: [Int], maxNanoseconds: Int64) {
        self.bucketCounts = bucketCounts
        self.maxNanoseconds = maxNanoseconds
    }

    /// Number of samples.
    public var count: Int { bucketCounts.reduce(0, +) }

    /// Largest lateness in bucket `index` (buckets are about 12 % wide above 1 µs).
    public static func upperBoundNanoseconds(ofBucket index: Int) -> Int64 {
        LatenessBuckets.upperBoundNanoseconds(ofBucket: index)
    }

    /// The lateness at or below which `fraction` (0...1) of samples lie, rounded up to its
    /// bucket's upper bound, so it never understates jitter; 0 when there are no samples.
    public func percentileNanoseconds(_ fraction: Double) -> Int64 {
        let total = count
        guard total > 0 else { return 0 }
        let rank = Swift.max(1, Int((fraction * Double(total)).rounded(.up)))
        var seen = 0
        for (index, bucketCount) in bucketCounts.enumerated() {
            seen += bucketCount
            if seen >= rank {
                return Swift.min(Self.upperBoundNanoseconds(ofBucket: index), maxNanoseconds)
            }
        }
        return maxNanoseconds
    }
}
