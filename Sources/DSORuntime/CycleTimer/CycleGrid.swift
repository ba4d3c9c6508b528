import Synchronization

/// The absolute time grid of one run (t0 + k·period) and the last cycle index handed out, so
/// merged ticks advance k by the number of grid points passed instead of drifting.
final class CycleGrid: Sendable {
    let originNanoseconds: UInt64
    let periodNanoseconds: UInt64
    /// Written only on the timer's serial queue; -1 before the first cycle.
    let lastIndex = Atomic<Int64>(-1)

    init(originNanoseconds: UInt64, periodNanoseconds: UInt64) {
        self.originNanoseconds = originNanoseconds
        self.periodNanoseconds = periodNanoseconds
    }

    /// The grid point of cycle `index`.
    @inline(__always)
    func scheduledNanoseconds(ofCycle index: Int64) -> UInt64 {
        originNanoseconds &+ UInt64(index) &* periodNanoseconds
    }
}
