import CPlatform
import DSOKernel
import DSORuntime
import Foundation

/// What the control queue does every 100 ms: records, events, schedules, READY, STATUS and the watchdog.
extension SubstationService {
    func housekeep() {
        guard !isStopping else { return }
        drainKernelOutput()
        if !schedules.isIdle { pumpSchedules() }
        let now = dso_monotonic_ns()
        let statistics = loop.timerStatistics ?? .none
        if !isReady {
            guard statistics.cycles > 0 else { return }
            isReady = true
            log.notice("ready: the kernel runs (first cycle done)")
            notifier?.ready(status: statusLine(statistics))
            _ = health.assess(statistics, atNanoseconds: now)
            nextStatusNanoseconds = now + seconds(configuration.service.statusIntervalSeconds)
            if let ping = notifier?.watchdogPingIntervalSeconds {
                log.info("systemd watchdog: pinging every \(ping) s while cycles keep their deadlines")
                notifier?.watchdog()
                nextWatchdogNanoseconds = now + seconds(ping)
            }
            return
        }
        if let ping = notifier?.watchdogPingIntervalSeconds, now >= nextWatchdogNanoseconds {
            nextWatchdogNanoseconds = now + seconds(ping)
            let verdict = health.assess(statistics, atNanoseconds: now)
            if verdict.keepsDeadlines {
                notifier?.watchdog()
                if watchdogFailing { log.notice("cycles keep their deadlines again; watchdog pings resumed") }
                watchdogFailing = false
            } else {
                if !watchdogFailing { log.error("watchdog not fed: \(verdict.reason)") }
                watchdogFailing = true
            }
        }
        if now >= nextStatusNanoseconds {
            nextStatusNanoseconds = now + seconds(configuration.service.statusIntervalSeconds)
            let line = statusLine(statistics)
            notifier?.status(line)
            log.info("status: \(line)")
        }
        if let durationSeconds, Double(now - startedNanoseconds) / 1e9 >= durationSeconds {
            stop(reason: "--duration \(durationSeconds) s elapsed")
        }
    }

    /// Hands records to the components and logs events (control queue: the rings' only consumer).
    func drainKernelOutput() {
        let interfacePoints = configuration.model.interfacePoints.count
        kernel.records.consume { record in
            latest.take(record, interfacePoints: interfacePoints)
            for component in components { component.record(record) }
        }
        _ = kernel.scheduleOutcomes.drain { outcome in
            let verdict = verdict(on: outcome)
            for component in components { component.scheduleOutcome(verdict) }
        }
        let model = configuration.model
        let logEvents = configuration.service.logAllEvents
        _ = kernel.records.events.drain { event in
            eventCount += 1
            for component in components { component.event(event) }
            if logEvents {
                log.log(EventDescription.isWarning(event.code) ? .warning : .info, EventDescription.line(event, model: model))
            }
        }
    }

    /// Hands pending schedule intervals to the kernel's schedule-files ring; the kernel's verdicts come back
    /// through `scheduleOutcomes`.
    @discardableResult
    func pumpSchedules() -> Int {
        schedules.pump().reduce(0) { $0 + $1.entries.count }
    }

    /// The one-line summary for `systemctl status` and the log.
    func statusLine(_ statistics: CycleStatistics) -> String {
        let model = configuration.model
        var parts = ["cycle \(latest.cycleIndex)",
                     "\(latest.controllableResources)/\(model.resources.count) resources controllable"]
        if latest.awardKW > 0 {
            parts.append(String(format: "regulation %.2f of ±%.2f MW, response %.2f MW", latest.regulationTargetKW / 1000,
                                latest.awardKW / 1000, latest.regulationResponseKW / 1000))
        }
        if !latest.aggregateSOC.isNaN { parts.append(String(format: "SOC %.0f%%", latest.aggregateSOC * 100)) }
        for (index, point) in model.interfacePoints.enumerated() where index < latest.netImportKW.count {
            parts.append(String(format: "%@ net %.2f MW (schedule %.2f)", point.id, latest.netImportKW[index] / 1000,
                                latest.scheduledKW[index] / 1000))
        }
        parts.append("\(statistics.overruns) overruns, \(statistics.deadlineMisses) late")
        return parts.joined(separator: "; ")
    }

    func seconds(_ value: Double) -> UInt64 { UInt64((value * 1e9).rounded()) }
}
