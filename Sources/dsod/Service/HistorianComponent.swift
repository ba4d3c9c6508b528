import DSOScenario
import DSOHistorian
import DSOKernel
import DSOModel
import DSOService
import Foundation

/// The historian in `dsod run`: cycle summaries, events and tapped telemetry from the control queue (the
/// one consumer of `kernel.records`), plus the schedules the service loads and the operator's signals.
final class HistorianComponent: ServiceComponent, @unchecked Sendable {
    // Sendable: `feed` and `nextTelemetrySeconds` are used only on the service's control queue (every
    // method here but `afterCycle`, which this component does not implement, runs there); the rest is
    // immutable or Sendable.
    let name = "historian"
    let historian: Historian
    private let feed: HistorianFeed
    private let observer: CycleObserver
    private let log: ServiceLog
    private var nextTelemetrySeconds = -Double.infinity
    /// Why the service stops (from its stop action), for the run's row; control queue only.
    private var stopReason = "stopped"

    /// Opens (creating) the database; a relative `database` resolves against the state directory.
    init(settings: ServiceConfiguration.HistorianSettings, stateDirectory: String, cyclePeriodSeconds: Double,
         observer: CycleObserver, log: ServiceLog) throws(HistorianError) {
        let path = WrittenPath.absolute(settings.databasePath, relativeTo: stateDirectory)
        // sample_period_s decimates both cycle summaries and per-resource telemetry (a month of every 100-ms
        // cycle would be tens of millions of rows).
        let everyCycles = max(1, Int((settings.samplePeriodSeconds / cyclePeriodSeconds).rounded()))
        let configuration = HistorianConfiguration(retentionDays: settings.retentionDays,
                                                   auditRetentionDays: settings.auditRetentionDays,
                                                   hourlyRetentionDays: settings.hourlyRetentionDays,
                                                   cycleSummaryEveryCycles: everyCycles,
                                                   telemetryIntervalSeconds: settings.samplePeriodSeconds)
        historian = try Historian(path: path, configuration: configuration)
        feed = HistorianFeed(historian: historian)
        self.observer = observer
        self.log = log
    }

    /// Begins this run (its id goes on every row) before anything is recorded.
    func start(kernel: ControlKernel) throws {
        do {
            let run = try historian.beginRun()
            log.info("historian: run \(run)")
        } catch {
            throw ServiceStartError("\(error)")
        }
        historian.start()
        log.notice("historian: \(historian.path) (a cycle summary every \(historian.configuration.cycleSummaryEveryCycles) cycles, telemetry every \(historian.configuration.telemetryIntervalSeconds) s, kept \(historian.configuration.retentionDays) days, audit rows \(historian.configuration.auditRetentionDays) days)")
    }

    func record(_ record: CycleRecord) {
        feed.take(record)
        // The tap is read (an allocation) only when the feed would store it.
        guard record.timeSeconds >= nextTelemetrySeconds, let snapshot = observer.resources.latest() else { return }
        feed.take(snapshot)
        nextTelemetrySeconds = snapshot.timeSeconds + historian.configuration.telemetryIntervalSeconds
    }

    func event(_ event: KernelEvent) {
        feed.take(event)
    }

    /// The kernel's verdict, not the request: an entry is `accepted` only if the kernel took it. Kept in UTC
    /// with its layer and source, so a restart restores the intervals in force.
    func scheduleOutcome(_ verdict: ScheduleVerdict) {
        historian.record(.schedule(ScheduleReceipt(
            wallTimeSeconds: WallClock.nowUnixSeconds(), source: verdict.source, entry: verdict.outcome.entry,
            accepted: verdict.outcome.verdict.isAccepted, startUnixSeconds: verdict.startUnixSeconds,
            endUnixSeconds: verdict.endUnixSeconds)))
    }

    func operatorAction(_ action: ServiceOperatorAction) {
        if action.action == "stop" { stopReason = action.detail }
        historian.record(.operatorAction(OperatorAction(
            wallTimeSeconds: WallClock.nowUnixSeconds(), actor: action.actor, role: "operator", action: action.action,
            detail: action.detail, outcome: action.outcome)))
    }

    func stop() {
        do {
            try historian.endRun(reason: stopReason)
            try historian.stop()
            let statistics = historian.statistics
            log.info("historian: flushed; \(statistics.committedEntries) entries committed, \(statistics.refusedEntries) refused, \(statistics.failedCommits) failed commits")
        } catch {
            log.error("\(error)")
        }
    }
}

/// The historian is the service's memory between runs: the schedule anchor and the intervals in force.
extension HistorianComponent: ScheduleMemory {
    /// Configuration intervals are derived again from the files; these are the sources they were recorded under.
    static let configurationSourcePrefixes = ["config:", "reload:"]

    func previousScheduleAnchor() -> ScheduleAnchor? {
        do {
            let current = historian.runID
            guard let anchor = try historian.runs(limit: 10).first(where: { $0.id != current && $0.scheduleAnchor != nil })?
                .scheduleAnchor else { return nil }
            return ScheduleAnchor(unixSeconds: anchor.unixSeconds, digest: anchor.digest)
        } catch {
            log.error("historian: cannot read the previous run's schedule anchor: \(error)")
            return nil
        }
    }

    func noteScheduleAnchor(_ anchor: ScheduleAnchor, kernelEpochUnixSeconds: Double) {
        do {
            try historian.noteScheduleAnchor(.init(unixSeconds: anchor.unixSeconds, digest: anchor.digest),
                                             kernelEpochUnixSeconds: kernelEpochUnixSeconds)
        } catch {
            log.error("historian: cannot record the schedule anchor: \(error)")
        }
    }

    func intervalsInForce(atUnixSeconds unixSeconds: Double) -> [RememberedInterval] {
        do {
            return try historian.schedulesInForce(atUnixSeconds: unixSeconds,
                                                  excludingSourcePrefixes: Self.configurationSourcePrefixes)
                .compactMap { receipt in
                    guard let start = receipt.startUnixSeconds, let end = receipt.endUnixSeconds else { return nil }
                    return RememberedInterval(source: receipt.source, interfacePoint: receipt.interfacePoint,
                                              layer: receipt.layer, startUnixSeconds: start, endUnixSeconds: end,
                                              netImportKW: receipt.netImportKW)
                }
        } catch {
            log.error("historian: cannot read the schedules in force; starting without them: \(error)")
            return []
        }
    }
}
