import CPlatform

extension CycleTimer {
    /// One handler invocation: places it on the grid, runs the cycle, records statistics.
    /// Timer queue only; no allocation, no locks, no I/O (besides the optional priority calls).
    @inline(__always)
    func runCycle(grid: CycleGrid, elapsedTicks: UInt) {
        let startedNanoseconds = dso_monotonic_ns()
        guard elapsedTicks > 0 else { return }
        let ticks = Int64(truncatingIfNeeded: elapsedTicks)
        let index = grid.lastIndex.load(ordering: .relaxed) &+ ticks
        grid.lastIndex.store(index, ordering: .relaxed)
        let tick = CycleTick(
            cycleIndex: index,
            scheduledNanoseconds: grid.scheduledNanoseconds(ofCycle: index),
            startedNanoseconds: startedNanoseconds,
            missedTicks: ticks &- 1
        )
        let priority = fifoPriority.load(ordering: .relaxed)
        if priority > 0 { enterControlPriority(priority) }
        handler(tick)
        let finishedNanoseconds = dso_monotonic_ns()
        if priority > 0 { leaveControlPriority() }
        recorder.record(
            tick,
            finishedNanoseconds: finishedNanoseconds,
            nextGridPointNanoseconds: grid.scheduledNanoseconds(ofCycle: index &+ 1)
        )
    }
}
