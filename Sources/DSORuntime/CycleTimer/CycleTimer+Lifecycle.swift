import CPlatform
import Dispatch

extension CycleTimer {
    /// Starts cycles on a fresh grid whose first point t0 is `originNanoseconds` (monotonic; default one
    /// period from now), so a caller can pin other clocks to t0 before any cycle runs; statistics are reset.
    /// Does nothing if already running.
    public func start(originNanoseconds: UInt64? = nil) {
        run.withLock { active in
            guard active == nil else { return }
            recorder.reset()
            let period = UInt64(period.nanoseconds)
            let origin = originNanoseconds ?? dso_monotonic_ns() &+ period
            let grid = CycleGrid(originNanoseconds: origin, periodNanoseconds: period)
            let cancelled = DispatchSemaphore(value: 0)
            let source = DispatchSource.makeTimerSource(flags: .strict, queue: queue)
            // Dispatch's uptime clock is CLOCK_MONOTONIC on Linux, the clock of dso_monotonic_ns,
            // and a repeating source keeps its targets at origin + n·period (it never re-bases on
            // the fire time), so Dispatch's grid and ours are the same points.
            source.schedule(
                deadline: DispatchTime(uptimeNanoseconds: origin),
                repeating: .nanoseconds(Int(period)),
                leeway: .nanoseconds(0)
            )
            // The handler holds the source until cancellation frees the handler blocks.
            source.setEventHandler { [self, grid, source] in
                runCycle(grid: grid, elapsedTicks: source.data)
            }
            source.setCancelHandler { cancelled.signal() }
            lastOrigin.store(origin, ordering: .relaxed)
            active = ActiveRun(source: source, grid: grid, cancelled: cancelled)
            source.activate()
        }
    }

    /// Stops cycles synchronously: when it returns, no handler is running and none will run.
    /// Must not be called from the handler (it waits for the handler to finish).
    public func stop() {
        guard let stopped = run.withLock({ active -> ActiveRun? in
            defer { active = nil }
            return active
        }) else { return }
        dispatchPrecondition(condition: .notOnQueue(queue))
        stopped.source.cancel()
        // The cancel handler runs on the timer queue after any in-flight event handler returned.
        stopped.cancelled.wait()
    }
}
