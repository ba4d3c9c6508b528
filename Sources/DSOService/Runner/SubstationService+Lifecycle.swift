import CPlatform
import Dispatch
import DSOKernel
import DSORuntime
import Foundation

/// Start and stop, on the control queue.
extension SubstationService {
    func start() throws {
        let model = configuration.model
        log.notice("starting \(configuration.service.name): grid '\(configuration.gridName)', \(model.interfacePoints.count) interface points (\(model.interfacePoints.map(\.id).joined(separator: ", "))), \(model.resources.count) resources, period \(configuration.kernel.periodSeconds) s")
        log.info("devices: \(devices.description)")
        try devices.open(kernel: kernel)
        for component in components {
            try component.start(kernel: kernel)
            log.info("started \(component.name)")
        }
        signals = ServiceSignals(queue: control) { [self] request in
            switch request {
            case .stop(let number): stop(reason: number == SIGTERM ? "SIGTERM" : "SIGINT")
            case .reload: reload()
            }
        }
        schedules.enqueue(configuration.schedules, source: "config:\(configuration.path)")
        pumpSchedules()
        let period = try CyclePeriod(nanoseconds: periodNanoseconds)
        timer = CycleTimer(period: period, label: "org.opendso.kernel") { [kernel, devices, periodNanoseconds, lastCycle, components] tick in
            if tick.missedTicks > 0 { kernel.noteOverruns(Int(tick.missedTicks)) }
            // Grid time on the kernel's clock (0 = the service's first cycle); merged ticks are skipped.
            let nanoseconds = tick.cycleIndex &* periodNanoseconds
            devices.prepare(cycle: tick.cycleIndex, atNanoseconds: nanoseconds, kernel: kernel)
            let stepStarted = dso_monotonic_ns()
            kernel.step(atNanoseconds: nanoseconds)
            let stepNanoseconds = dso_monotonic_ns() &- stepStarted
            devices.apply(cycle: tick.cycleIndex, atNanoseconds: nanoseconds, kernel: kernel)
            lastCycle.nanoseconds.store(nanoseconds, ordering: .relaxed)
            for component in components {
                component.afterCycle(kernel: kernel, tick: tick, stepNanoseconds: stepNanoseconds)
            }
        }
        let priority = configuration.service.controlPriority
        if priority > 0 {
            if timer.raiseThreadPriority(fifoPriority: Int32(priority)) {
                log.info("control thread runs at SCHED_FIFO priority \(priority)")
            } else {
                log.warning("SCHED_FIFO priority \(priority) not permitted (needs CAP_SYS_NICE or LimitRTPRIO); control thread at normal priority")
            }
        }
        startedNanoseconds = dso_monotonic_ns()
        timer.start()
        let source = DispatchSource.makeTimerSource(queue: control)
        source.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(100), leeway: .milliseconds(10))
        source.setEventHandler { [self] in housekeep() }
        source.activate()
        housekeeping = source
    }

    func shutDownAfterFailedStart() {
        signals?.cancel()
        timer?.stop()
        for component in components { component.stop() }
        devices.close()
    }

    /// The graceful stop: STOPPING=1, last cycle, safe set points, drivers closed, historian flushed.
    func stop(reason: String) {
        guard !isStopping else { return }
        isStopping = true
        log.notice("stopping (\(reason)): set points to their safe values, closing devices")
        notifier?.stopping()
        let timeout = configuration.service.stopTimeoutSeconds
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in
            guard !stopCompleted.load(ordering: .acquiring) else { return }
            log.error("graceful stop did not finish within stop_timeout_s = \(timeout) s; exiting")
            exit(1)
        }
        housekeeping?.cancel()
        timer.stop()
        let statistics = timer.statistics
        let safeAt = lastCycle.nanoseconds.load(ordering: .relaxed) &+ periodNanoseconds
        devices.applySafeSetpoints(kernel: kernel, atNanoseconds: safeAt)
        drainKernelOutput()
        let action = ServiceOperatorAction(
            actor: reason.hasPrefix("SIG") ? "signal:\(reason)" : reason, action: "stop", detail: reason,
            outcome: "stopped after \(statistics.cycles) cycles; safe set points applied")
        for component in components { component.operatorAction(action) }
        for component in components.reversed() {
            component.stop()
            log.info("stopped \(component.name)")
        }
        devices.close()
        signals?.cancel()
        log.notice("stopped after \(statistics.cycles) cycles: \(statistics.overruns) overruns, \(statistics.deadlineMisses) late cycles, max lateness \(statistics.maxLatenessNanoseconds / 1000) µs, \(eventCount) events")
        stopCompleted.store(true, ordering: .releasing)
        finished.signal()
    }
}
