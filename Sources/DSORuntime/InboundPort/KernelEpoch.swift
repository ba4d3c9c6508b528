import Glibc
import Synchronization

/// Where kernel time 0 sits on the monotonic and the UTC clocks: one per run, shared by every producer
/// so each stamps its messages on the kernel's clock the same way.
///
/// The cycle loop pins it at its first tick (real clock) or leaves it at the start (virtual clock), before
/// any producer's thread can read it; producers on other threads read it through atomics.
public final class KernelEpoch: Sendable {
    private let monotonicAtZero = Atomic<Int64>(0)
    private let unixMicrosecondsAtZero = Atomic<Int64>(0)
    private let pinnedFlag = Atomic<Bool>(false)

    public init() {}

    /// Pins kernel time `kernelNanoseconds` to the monotonic time `monotonicNanoseconds` and the UTC time
    /// `unixSeconds` (the loop, once, at its first cycle).
    public func pin(kernelNanoseconds: Int64, monotonicNanoseconds: Int64, unixSeconds: Double) {
        monotonicAtZero.store(monotonicNanoseconds &- kernelNanoseconds, ordering: .relaxed)
        unixMicrosecondsAtZero.store(Int64((unixSeconds * 1e6).rounded()) &- kernelNanoseconds / 1000, ordering: .relaxed)
        pinnedFlag.store(true, ordering: .releasing)
    }

    /// Whether the loop has pinned kernel time 0 yet.
    public var isPinned: Bool { pinnedFlag.load(ordering: .acquiring) }

    /// Kernel time (ns) at monotonic time `monotonicNanoseconds`; before pinning, 0.
    public func kernelNanoseconds(atMonotonic monotonicNanoseconds: Int64) -> Int64 {
        guard isPinned else { return 0 }
        return monotonicNanoseconds &- monotonicAtZero.load(ordering: .relaxed)
    }

    /// Kernel time (s) now on the monotonic clock: what a producer stamps a message with.
    public func kernelSecondsNow() -> Double {
        Double(kernelNanoseconds(atMonotonic: MonotonicClock.nanoseconds())) / 1e9
    }

    /// Kernel time (s) of a UTC instant (seconds since 1970), for schedules written in wall-clock time.
    public func kernelSeconds(atUnixSeconds unixSeconds: Double) -> Double {
        unixSeconds - Double(unixMicrosecondsAtZero.load(ordering: .relaxed)) / 1e6
    }

    /// UTC (seconds since 1970) of kernel time `kernelSeconds`.
    public func unixSeconds(atKernelSeconds kernelSeconds: Double) -> Double {
        kernelSeconds + Double(unixMicrosecondsAtZero.load(ordering: .relaxed)) / 1e6
    }

    /// UTC now, seconds since 1970 (CLOCK_REALTIME): where the epoch sits on the wall clock.
    public static func unixSecondsNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
