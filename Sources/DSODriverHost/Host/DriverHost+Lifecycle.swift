import Dispatch
import Foundation

extension DriverHost {
    /// Starts one I/O thread per instance (threaded mode) and the hang supervisor. A host runs once:
    /// after `stop()` its instances are closed. Call `start`/`stop` from one controlling thread.
    public func start() {
        guard !everStarted.exchange(true, ordering: .acquiringAndReleasing) else { return }
        running.store(true, ordering: .releasing)
        guard !isSynchronous else { return }
        for instance in instances {
            let thread = Thread { instance.runIOLoop() }
            thread.name = "dso-driver-\(instance.configuration.name)"
            thread.stackSize = 1 << 20
            thread.start()
        }
        let supervisor = HangSupervisor(instances: instances, clock: clock, log: log)
        supervisor.start()
        self.supervisor = supervisor
    }

    /// Stops the I/O threads and closes every instance (drivers revert their set points). Waits at most
    /// each instance's timeout plus one second for a thread stuck in a driver call; such a thread closes
    /// its instance itself when the call returns, and is logged.
    public func stop() {
        let wasRunning = running.exchange(false, ordering: .acquiringAndReleasing)
        if isSynchronous || !everStarted.load(ordering: .acquiring) {
            everStarted.store(true, ordering: .releasing)  // closed instances must never start
            closeInline()
            return
        }
        guard wasRunning else { return }
        supervisor?.stop()
        supervisor = nil
        for instance in instances {
            instance.stopRequested.store(true, ordering: .relaxed)
            instance.wake.signal()
        }
        let longestTimeout = instances.map(\.timeoutNanoseconds).max() ?? 0
        let deadline = DispatchTime.now() + .nanoseconds(Int(longestTimeout) + 1_000_000_000)
        for instance in instances where instance.finished.wait(timeout: deadline) == .timedOut {
            log(.warning, "driver '\(instance.configuration.name)' (\(instance.library.driverName)): still inside a driver call at stop; "
                + "the instance closes when the call returns")
        }
    }

    /// Closes instances on the caller's thread (synchronous mode, or a threaded host never started).
    private func closeInline() {
        for instance in instances { instance.close() }
    }
}

extension HostedDriverInstance {
    /// The I/O thread: writes new set points, reads, publishes, sleeps to the next poll on the monotonic
    /// clock; a driver call that overruns only makes this thread late. Closes the instance on exit.
    func runIOLoop() {
        var next = DispatchTime.now().uptimeNanoseconds
        let period = UInt64(max(pollPeriodNanoseconds, 1))
        while !stopRequested.load(ordering: .relaxed) {
            deliverSetpoints(now: context.clock.now())
            if stopRequested.load(ordering: .relaxed) { break }
            poll()
            next &+= period
            let now = DispatchTime.now().uptimeNanoseconds
            if next <= now { next = now &+ period }  // late: keep the period from now instead of bursting
            _ = wake.wait(timeout: DispatchTime(uptimeNanoseconds: next))
        }
        close()
        finished.signal()
    }
}
