import CPlatform
import Dispatch

extension CycleTimer {
    /// Asks for the handler to run at SCHED_FIFO `fifoPriority` (1...99) with 1 ns timer slack;
    /// returns whether the system permits it (root, CAP_SYS_NICE or LimitRTPRIO), checked on the
    /// timer queue. `0` returns to normal scheduling.
    ///
    /// Dispatch runs the serial queue on shared pool threads, so the priority is applied when each
    /// cycle starts and the thread is returned to SCHED_OTHER when it ends (two syscalls a cycle):
    /// a raised thread never goes back to the pool at real-time priority. The wake-up itself
    /// still happens at normal priority; this protects the handler from preemption only.
    /// Must not be called from the handler (it waits for the timer queue).
    @discardableResult
    public func raiseThreadPriority(fifoPriority priority: Int32) -> Bool {
        precondition((0...99).contains(priority), "SCHED_FIFO priority must be 0...99, got \(priority)")
        guard priority > 0 else {
            fifoPriority.store(0, ordering: .relaxed)
            return true
        }
        dispatchPrecondition(condition: .notOnQueue(queue))
        let permitted = queue.sync { [queue] in
            dispatchPrecondition(condition: .onQueue(queue))
            return dso_probe_fifo_priority(priority) == 0
        }
        fifoPriority.store(permitted ? priority : 0, ordering: .relaxed)
        return permitted
    }

    @inline(__always)
    func enterControlPriority(_ priority: Int32) {
        _ = dso_set_timer_slack_ns(1)
        _ = dso_set_fifo_priority(priority)
    }

    @inline(__always)
    func leaveControlPriority() {
        _ = dso_set_normal_policy()
    }
}
