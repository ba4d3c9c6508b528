import CPlatform
import Dispatch
import DSOKernel
import DSOCycleLoop
import DSORuntime
import Foundation

/// Start and stop, on the control queue.
extension SubstationService {
    func start() throws {
        let model = configuration.model
        log.notice("starting \(configuration.service.name): grid '\(configuration.gridName)', \(model.interfacePoints.count) interface points (\(model.interfacePoints.map(\.id).joined(separator: ", "))), \(model.resources.count) resources, period \(configuration.kernel.periodSeconds) s")
        log.info("devices: \(loop.devices.description)")
        if let signalPlayer {
            log.info("regulation: the scenario's built-in signal, repeating, award \(signalPlayer.awardKW / 1000) MW")
        }
        try loop.devices.open(kernel: kernel)
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
        for component in components {
            loop.afterEachCycle { [kernel, component] tick, stepNanoseconds in
                component.afterCycle(kernel: kernel, tick: tick, stepNanoseconds: stepNanoseconds)
            }
        }
        let priority = configuration.service.controlPriority
        startedNanoseconds = dso_monotonic_ns()
        let start = try loop.startRealClock(fifoPriority: priority > 0 ? Int32(priority) : nil)
        // Kernel time 0 is pinned in UTC now, before the first cycle: schedules can be placed on the wall clock.
        loadSchedules()
        if let raised = start.priorityRaised {
            if raised {
                log.info("control thread runs at SCHED_FIFO priority \(priority)")
            } else {
                log.warning("SCHED_FIFO priority \(priority) not permitted (needs CAP_SYS_NICE or LimitRTPRIO); control thread at normal priority")
            }
        }
        let source = DispatchSource.makeTimerSource(queue: control)
        source.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(100), leeway: .milliseconds(10))
        source.setEventHandler { [self] in housekeep() }
        source.activate()
        housekeeping = source
    }

    func shutDownAfterFailedStart() {
        signals?.cancel()
        loop.stopRealClock()
        for component in components { component.stop() }
        loop.devices.close()
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
        let statistics = loop.stopRealClock() ?? .none
        loop.applySafeSetpoints()
        drainKernelOutput()
        let action = ServiceOperatorAction(
            actor: reason.hasPrefix("SIG") ? "signal:\(reason)" : reason, action: "stop", detail: reason,
            outcome: "stopped after \(statistics.cycles) cycles; safe set points applied")
        for component in components { component.operatorAction(action) }
        for component in components.reversed() {
            component.stop()
            log.info("stopped \(component.name)")
        }
        loop.devices.close()
        signals?.cancel()
        log.notice("stopped after \(statistics.cycles) cycles: \(statistics.overruns) overruns, \(statistics.deadlineMisses) late cycles, max lateness \(statistics.maxLatenessNanoseconds / 1000) µs, \(eventCount) events")
        stopCompleted.store(true, ordering: .releasing)
        finished.signal()
    }
}
