import Synchronization

/// Counters the timer updates once per cycle without allocating, readable from any thread.
///
/// Written only by the timer's serial queue (successive handler blocks are ordered by the queue,
/// so relaxed load-then-store needs no read-modify-write); read by anyone through `snapshot()`.
final class CycleStatisticsRecorder: Sendable {
    let cycles = Atomic<Int>(0)
    let overruns = Atomic<Int>(0)
    let deadlineMisses = Atomic<Int>(0)
    let maxLatenessNanoseconds = Atomic<Int64>(0)
    let buckets: InlineArray<224, Atomic<Int>>

    init() {
        precondition(LatenessBuckets.count == 224, "bucket storage and layout disagree")
        buckets = InlineArray { _ in Atomic(0) }
    }

    /// Records one cycle. Timer queue only; no allocation, no locks.
    @inline(__always)
    func record(_ tick: CycleTick, finishedNanoseconds: UInt64, nextGridPointNanoseconds: UInt64) {
        cycles.store(cycles.load(ordering: .relaxed) &+ 1, ordering: .relaxed)
        if tick.missedTicks > 0 {
            overruns.store(overruns.load(ordering: .relaxed) &+ Int(tick.missedTicks), ordering: .relaxed)
        }
        if finishedNanoseconds > nextGridPointNanoseconds {
            deadlineMisses.store(deadlineMisses.load(ordering: .relaxed) &+ 1, ordering: .relaxed)
        }
        let lateness = Swift.max(tick.latenessNanoseconds, 0)
        if lateness > maxLatenessNanoseconds.load(ordering: .relaxed) {
            maxLatenessNanoseconds.store(lateness, ordering: .relaxed)
        }
        let bucket = LatenessBuckets.index(ofNanoseconds: lateness)
        buckets[bucket].store(buckets[bucket].load(ordering: .relaxed) &+ 1, ordering: .relaxed)
    }

    /// Zeroes all counters; only while no handler can run (before the source starts).
    func reset() {
        cycles.store(0, ordering: .relaxed)
        overruns.store(0, ordering: .relaxed)
        deadlineMisses.store(0, ordering: .relaxed)
        maxLatenessNanoseconds.store(0, ordering: .relaxed)
        for index in buckets.indices { buckets[index].store(0, ordering: .relaxed) }
    }

    /// A consistent-enough copy (each counter exact, counters read one after another).
    func snapshot() -> CycleStatistics {
        var counts = [Int](repeating: 0, count: LatenessBuckets.count)
        for index in buckets.indices { counts[index] = buckets[index].load(ordering: .relaxed) }
        return CycleStatistics(
            cycles: cycles.load(ordering: .relaxed),
            overruns: overruns.load(ordering: .relaxed),
            deadlineMisses: deadlineMisses.load(ordering: .relaxed),
            lateness: LatenessHistogram(bucketCounts: counts, maxNanoseconds: maxLatenessNanoseconds.load(ordering: .relaxed))
        )
    }
}
