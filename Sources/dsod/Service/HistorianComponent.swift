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

    /// Opens (creating) the database; a relative `database` resolves against the state directory.
    init(settings: ServiceConfiguration.HistorianSettings, stateDirectory: String, cyclePeriodSeconds: Double,
         observer: CycleObserver, log: ServiceLog) throws(HistorianError) {
        let path = WrittenPath.absolute(settings.databasePath, relativeTo: stateDirectory)
        // sample_period_s decimates both cycle summaries and per-resource telemetry (a month of every 100-ms
        // cycle would be tens of millions of rows).
        let everyCycles = max(1, Int((settings.samplePeriodSeconds / cyclePeriodSeconds).rounded()))
        let configuration = HistorianConfiguration(retentionDays: settings.retentionDays,
                                                   auditRetentionDays: settings.auditRetentionDays,
                                                   cycleSummaryEveryCycles: everyCycles,
                                                   telemetryIntervalSeconds: settings.samplePeriodSeconds)
        historian = try Historian(path: path, configuration: configuration)
        feed = HistorianFeed(historian: historian)
        self.observer = observer
        self.log = log
    }

    func start(kernel: ControlKernel) {
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

    /// The kernel's verdict, not the request: an entry is `accepted` only if the kernel took it.
    func scheduleOutcome(_ outcome: ScheduleOutcome) {
        historian.record(.schedule(ScheduleReceipt(wallTimeSeconds: WallClock.nowUnixSeconds(),
                                                   source: outcome.producer.auditSource, entry: outcome.entry,
                                                   accepted: outcome.verdict.isAccepted)))
    }

    func operatorAction(_ action: ServiceOperatorAction) {
        historian.record(.operatorAction(OperatorAction(
            wallTimeSeconds: WallClock.nowUnixSeconds(), actor: action.actor, role: "operator", action: action.action,
            detail: action.detail, outcome: action.outcome)))
    }

    func stop() {
        do {
            try historian.stop()
            let statistics = historian.statistics
            log.info("historian: flushed; \(statistics.committedEntries) entries committed, \(statistics.refusedEntries) refused, \(statistics.failedCommits) failed commits")
        } catch {
            log.error("\(error)")
        }
    }
}
