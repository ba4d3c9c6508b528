import Synchronization

/// A Prometheus-style histogram of durations that any thread can observe into without locks or allocation
/// (the kernel's timer thread records each cycle's duration and lateness into one).
public final class LatencyHistogram: Sendable {
    /// Upper bounds of the buckets, seconds, ascending (the `+Inf` bucket is implicit).
    public let upperBoundsSeconds: [Double]
    /// One counter per bound plus one for values above the last; not cumulative.
    private let buckets: [Counter]
    private let sumNanoseconds = Atomic<UInt64>(0)

    private final class Counter: Sendable {
        let value = Atomic<UInt64>(0)
    }

    public init(upperBoundsSeconds: [Double]) {
        precondition(!upperBoundsSeconds.isEmpty && zip(upperBoundsSeconds, upperBoundsSeconds.dropFirst()).allSatisfy { $0 < $1 },
                     "histogram bounds must be ascending and not empty")
        self.upperBoundsSeconds = upperBoundsSeconds
        buckets = (0...upperBoundsSeconds.count).map { _ in Counter() }
    }

    /// Buckets for a cycle's step duration: 10 µs … 100 ms.
    public static func cycleDuration() -> LatencyHistogram {
        LatencyHistogram(upperBoundsSeconds: [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025,
                                              0.005, 0.01, 0.025, 0.05, 0.1])
    }

    /// Buckets for how late a cycle started after its grid time: 50 µs … 1 s.
    public static func cycleLateness() -> LatencyHistogram {
        LatencyHistogram(upperBoundsSeconds: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                              0.05, 0.1, 0.25, 0.5, 1])
    }

    /// Records one duration (negative and NaN count as zero).
    public func observe(seconds: Double) {
        let value = seconds.isFinite && seconds > 0 ? seconds : 0
        var index = 0
        while index < upperBoundsSeconds.count && value > upperBoundsSeconds[index] { index += 1 }
        buckets[index].value.add(1, ordering: .relaxed)
        sumNanoseconds.add(UInt64(min(value * 1e9, 1.8e19)), ordering: .relaxed)
    }

    /// Cumulative counts as Prometheus exposes them.
    public func snapshot() -> HistogramSnapshot {
        var cumulative: [UInt64] = []
        var running: UInt64 = 0
        for bucket in buckets {
            running &+= bucket.value.load(ordering: .relaxed)
            cumulative.append(running)
        }
        return HistogramSnapshot(upperBoundsSeconds: upperBoundsSeconds, cumulativeCounts: Array(cumulative.dropLast()),
                                 count: running, sumSeconds: Double(sumNanoseconds.load(ordering: .relaxed)) / 1e9)
    }
}

/// A histogram's state at one moment: cumulative counts per upper bound, the total count and sum.
public struct HistogramSnapshot: Sendable, Hashable, Codable {
    public var upperBoundsSeconds: [Double]
    /// Observations ≤ each bound (same length as `upperBoundsSeconds`).
    public var cumulativeCounts: [UInt64]
    /// All observations (the `+Inf` bucket).
    public var count: UInt64
    public var sumSeconds: Double

    public init(upperBoundsSeconds: [Double], cumulativeCounts: [UInt64], count: UInt64, sumSeconds: Double) {
        self.upperBoundsSeconds = upperBoundsSeconds
        self.cumulativeCounts = cumulativeCounts
        self.count = count
        self.sumSeconds = sumSeconds
    }

    public static let empty = HistogramSnapshot(upperBoundsSeconds: [], cumulativeCounts: [], count: 0, sumSeconds: 0)
}
