/// Cycle-level counts the kernel keeps over its life (reported in summaries and metrics).
public struct KernelCounters: Sendable, Hashable {
    public var cycles: Int = 0
    /// Cycles the timer could not start on their grid point (merged ticks); reported by the driver.
    public var overruns: Int = 0
    /// Schedule entries refused (unknown interface point, bad values, table full).
    public var refusedSchedules: Int = 0
    /// Operator commands refused (unknown resource).
    public var refusedCommands: Int = 0
    /// Records not handed to the recorder because it had no free frame (it fell behind).
    public var droppedRecords: Int = 0
    /// Drained messages the input-capture journal had no room for (the capture is then incomplete).
    public var droppedJournalRecords: Int = 0
    /// Events not handed to the events ring because it was full (its reader fell behind).
    public var droppedEvents: Int = 0
    /// Schedule verdicts the outcomes ring had no room for (its reader fell behind).
    public var droppedScheduleOutcomes: Int = 0
    /// Cycles where some interface point's dispatch was infeasible.
    public var infeasibleCycles: Int = 0
    public init() {}
}
