import DSOModel
import DSORuntime
import DSOScenario

/// SIGHUP: re-read the file, apply schedules and the settings that can change live, name the rest.
extension SubstationService {
    func reload() {
        guard !isStopping else { return }
        notifier?.reloading()
        defer { notifier?.ready(status: statusLine(loop.timerStatistics ?? .none)) }
        log.notice("SIGHUP: reloading \(configuration.path)")
        let fresh: ServiceConfiguration
        do {
            fresh = try ServiceConfiguration.load(path: configuration.path)
        } catch {
            for issue in error.issues { log.error("reload: \(error.path): \(issue)") }
            log.error("reload refused (\(error.issues.count) issues); the running configuration stays in force")
            audit("refused: \(error.issues.count) configuration issues: "
                  + error.issues.map { "\($0)" }.joined(separator: "; "))
            return
        }
        for change in ServiceConfiguration.changesNeedingRestart(from: configuration, to: fresh) {
            log.warning("reload: \(change) changed; takes effect after a restart")
        }
        var applied: [String] = []
        if fresh.model.interfacePoints.map(\.id) == configuration.model.interfacePoints.map(\.id) {
            schedules.enqueue(anchored(fresh.schedules, noting: true), source: "reload:\(configuration.path)")
            let pushed = pumpSchedules()
            applied.append("schedules reloaded: \(fresh.schedules.count) intervals (\(pushed) queued to the kernel now)")
        }
        var service = configuration.service
        if service.statusIntervalSeconds != fresh.service.statusIntervalSeconds {
            applied.append("status_interval_s \(service.statusIntervalSeconds) → \(fresh.service.statusIntervalSeconds)")
            service.statusIntervalSeconds = fresh.service.statusIntervalSeconds
        }
        if service.logAllEvents != fresh.service.logAllEvents {
            applied.append("log_all_events \(service.logAllEvents) → \(fresh.service.logAllEvents)")
            service.logAllEvents = fresh.service.logAllEvents
        }
        if service.stopTimeoutSeconds != fresh.service.stopTimeoutSeconds {
            applied.append("stop_timeout_s \(service.stopTimeoutSeconds) → \(fresh.service.stopTimeoutSeconds)")
            service.stopTimeoutSeconds = fresh.service.stopTimeoutSeconds
        }
        if let signalPlayer, case .simulation(let settings) = fresh.devices {
            let newKW = settings.awardMW * 1000
            let oldKW = signalPlayer.setAward(kw: newKW)
            if oldKW != newKW { applied.append("regulation award \(oldKW / 1000) MW → \(settings.awardMW) MW") }
        }
        for component in components { applied += component.reload(fresh) }
        configuration.service = service
        for line in applied { log.notice("reload: \(line)") }
        if applied.isEmpty { log.notice("reload: nothing changed that can change without a restart") }
        audit(applied.isEmpty ? "nothing to apply" : "applied: " + applied.joined(separator: "; "))
    }

    /// Tells the components (the historian's audit trail) how a SIGHUP reload ended.
    private func audit(_ outcome: String) {
        let action = ServiceOperatorAction(actor: "signal:SIGHUP", action: "reload", detail: configuration.path,
                                           outcome: outcome)
        for component in components { component.operatorAction(action) }
    }
}

extension ServiceConfiguration {
    /// Keys whose new value needs a restart (the kernel, its model and the endpoints are built once).
    public static func changesNeedingRestart(from old: ServiceConfiguration, to new: ServiceConfiguration) -> [String] {
        var changes: [String] = []
        if old.kernel != new.kernel { changes.append("[kernel]") }
        if old.model.interfacePoints.map(\.id) != new.model.interfacePoints.map(\.id)
            || old.model.resources.map(\.id) != new.model.resources.map(\.id) {
            changes.append("the grid model (interface points or resources)")
        }
        if old.deviceSourceSummary != new.deviceSourceSummary { changes.append("the device source ([simulation] / [[drivers]])") }
        if old.service.controlPriority != new.service.controlPriority { changes.append("service.control_priority") }
        if old.service.name != new.service.name { changes.append("service.name") }
        if old.service.stateDirectory != new.service.stateDirectory { changes.append("service.state_directory") }
        if old.isoLink != new.isoLink { changes.append("[iso_link]") }
        if old.historian != new.historian { changes.append("[historian]") }
        if old.api != new.api { changes.append("[api]") }
        return changes
    }

    /// What the device source is, for change detection (scenario path, or each driver's name and library).
    var deviceSourceSummary: String {
        switch devices {
        case .simulation(let simulation): "scenario \(simulation.scenario.sourcePath)"
        case .drivers(_, let drivers): drivers.map { "\($0.name)=\($0.libraryPath):\($0.driverConfiguration)" }.joined(separator: ",")
        }
    }
}
