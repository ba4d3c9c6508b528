import DSOKernel
import Synchronization

/// The kernel's counters, copied by the kernel thread after each cycle into atomics, so the recorder side
/// reads them without racing the kernel's own writes to `kernel.counters`.
final class KernelCounterMirror: Sendable {
    private let cycles = Atomic<Int>(0)
    private let overruns = Atomic<Int>(0)
    private let refusedSchedules = Atomic<Int>(0)
    private let refusedCommands = Atomic<Int>(0)
    private let droppedRecords = Atomic<Int>(0)
    private let droppedEvents = Atomic<Int>(0)
    private let infeasibleCycles = Atomic<Int>(0)

    /// Kernel thread, after `step`.
    func store(_ counters: KernelCounters) {
        cycles.store(counters.cycles, ordering: .relaxed)
        overruns.store(counters.overruns, ordering: .relaxed)
        refusedSchedules.store(counters.refusedSchedules, ordering: .relaxed)
        refusedCommands.store(counters.refusedCommands, ordering: .relaxed)
        droppedRecords.store(counters.droppedRecords, ordering: .relaxed)
        droppedEvents.store(counters.droppedEvents, ordering: .relaxed)
        infeasibleCycles.store(counters.infeasibleCycles, ordering: .relaxed)
    }

    /// Any thread; each counter is at most one cycle behind the others.
    func load() -> KernelCounters {
        var counters = KernelCounters()
        counters.cycles = cycles.load(ordering: .relaxed)
        counters.overruns = overruns.load(ordering: .relaxed)
        counters.refusedSchedules = refusedSchedules.load(ordering: .relaxed)
        counters.refusedCommands = refusedCommands.load(ordering: .relaxed)
        counters.droppedRecords = droppedRecords.load(ordering: .relaxed)
        counters.droppedEvents = droppedEvents.load(ordering: .relaxed)
        counters.infeasibleCycles = infeasibleCycles.load(ordering: .relaxed)
        return counters
    }
}
