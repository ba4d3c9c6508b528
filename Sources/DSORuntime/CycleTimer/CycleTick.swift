/// What the control cycle needs to know about the cycle it is running: which grid slot it is,
/// when it should have started and how late it did, so it can time-stamp outputs on the grid.
public struct CycleTick: Sendable, Hashable {
    /// k in t0 + k·period; skips ahead by `missedTicks` after overruns, so it stays on the grid.
    public let cycleIndex: Int64
    /// t0 + k·period, monotonic nanoseconds (CLOCK_MONOTONIC).
    public let scheduledNanoseconds: UInt64
    /// When the handler actually started, monotonic nanoseconds.
    public let startedNanoseconds: UInt64
    /// Grid points passed since the previous cycle without a cycle of their own (overruns).
    public let missedTicks: Int64

    @inlinable
    public init(cycleIndex: Int64, scheduledNanoseconds: UInt64, startedNanoseconds: UInt64, missedTicks: Int64) {
        self.cycleIndex = cycleIndex
        self.scheduledNanoseconds = scheduledNanoseconds
        self.startedNanoseconds = startedNanoseconds
        self.missedTicks = missedTicks
    }

    /// Start minus scheduled time in nanoseconds (negative would mean the timer fired early).
    @inlinable
    public var latenessNanoseconds: Int64 {
        Int64(bitPattern: startedNanoseconds &- scheduledNanoseconds)
    }
}
