import CPlatform
import Dispatch
import Synchronization

/// The kernel's fixed cycle: runs a handler on an absolute time grid t0 + k·period from a strict,
/// zero-leeway Dispatch timer on its own serial queue, counting overruns instead of drifting.
///
/// When the loop falls behind, Dispatch merges overdue ticks into one handler call; the timer
/// reads how many grid points passed, counts the skipped ones as overruns and moves the cycle
/// index to the current grid point, so the next cycle is again on the grid.
///
/// A started timer is kept alive by its Dispatch source until `stop()`: stop it explicitly.
public final class CycleTimer: Sendable {
    /// The validated cycle period.
    public let period: CyclePeriod
    /// The Dispatch queue label (shows in debuggers and crash logs).
    public let label: String

    let queue: DispatchQueue
    let handler: @Sendable (CycleTick) -> Void
    let recorder = CycleStatisticsRecorder()
    /// SCHED_FIFO priority applied around each handler call; 0 = normal scheduling.
    let fifoPriority = Atomic<Int32>(0)
    let run = Mutex<ActiveRun?>(nil)
    /// t0 of the latest run (0 before the first start).
    let lastOrigin = Atomic<UInt64>(0)

    /// One started timer: its source, its grid and the signal that cancellation finished.
    struct ActiveRun {
        let source: any DispatchSourceTimer
        let grid: CycleGrid
        let cancelled: DispatchSemaphore
    }

    /// Creates a stopped timer; `handler` runs once per cycle on the timer's serial queue and must
    /// not call `stop()`.
    public init(period: CyclePeriod, label: String = "org.opendso.cycle", handler: @escaping @Sendable (CycleTick) -> Void) {
        self.period = period
        self.label = label
        self.handler = handler
        queue = DispatchQueue(label: label, qos: .userInteractive)
    }

    /// Whether cycles are being scheduled.
    public var isRunning: Bool { run.withLock { $0 != nil } }

    /// t0 of the current (or last) run's grid, monotonic nanoseconds; nil before the first start.
    public var gridOriginNanoseconds: UInt64? {
        let origin = lastOrigin.load(ordering: .relaxed)
        return origin == 0 ? nil : origin
    }

    /// Counters and lateness distribution since the last `start()`; readable from any thread.
    public var statistics: CycleStatistics { recorder.snapshot() }
}
