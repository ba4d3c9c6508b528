import CPlatform
import DSOAPI
import DSOHistorian
import DSOKernel
import DSOModel
import DSOScoring
import DSOService
import DSOStatusSchema
import DSORuntime

/// The operator HTTP API in `dsod run`: publishes a status snapshot (kernel, resources, driver instances) a few
/// times a second from the control queue, serves it, the historian and `/metrics`, and submits operators'
/// schedules into the kernel's API ring through that ring's one producer.
final class APIComponent: ServiceComponent, @unchecked Sendable {
    // Sendable: `scoreboard`, `nextPublishNanoseconds` and `boundPort` are touched only on the service's
    // control queue (start, record, stop run there); everything else is immutable or Sendable.
    let name = "api"
    let server: APIServer
    let status: LatestStatus
    private let observer: CycleObserver
    private let historian: Historian?
    /// The driver instances' health, read from the driver host's atomics when the snapshot is rebuilt.
    private let driverStatus: @Sendable () -> [DriverStatus]
    private let model: SubstationModel
    private let cyclePeriodSeconds: Double
    private let log: ServiceLog
    /// Where the kernel's verdicts on the API's schedule entries go to find the requests waiting for them.
    private let verdicts: ScheduleVerdicts
    /// The run's kernel epoch: the status carries it so clients (and the API's UTC schedule times) can convert.
    private let epoch: KernelEpoch
    private var scoreboard = RegulationScoreboard()
    private var nextPublishNanoseconds: UInt64 = 0
    private(set) var boundPort = 0

    /// How often the status snapshot is rebuilt.
    static let publishIntervalNanoseconds: UInt64 = 250_000_000

    init(settings: ServiceConfiguration.APISettings, model: SubstationModel, cyclePeriodSeconds: Double,
         observer: CycleObserver, historian: Historian?, driverStatus: @escaping @Sendable () -> [DriverStatus],
         submitSchedules: @escaping ScheduleSubmitter, verdicts: ScheduleVerdicts, epoch: KernelEpoch,
         log: ServiceLog) throws {
        self.verdicts = verdicts
        self.epoch = epoch
        let configuration = APIConfiguration(settings)
        self.observer = observer
        self.historian = historian
        self.driverStatus = driverStatus
        self.model = model
        self.cyclePeriodSeconds = cyclePeriodSeconds
        self.log = log
        status = LatestStatus(
            initial: .assemble(model: model, cyclePeriodSeconds: cyclePeriodSeconds, wallTimeSeconds: WallClock.nowUnixSeconds(),
                               cycle: nil, resources: nil, counters: KernelCounters(), drivers: driverStatus(),
                               historian: historian?.statistics),
            cycleDuration: observer.cycleDuration, cycleLateness: observer.cycleLateness)
        server = try APIServer(configuration: configuration, status: status, historian: historian,
                               admission: ScheduleAdmission(model: model), submitSchedules: submitSchedules,
                               auditLog: { line, isRefusal in isRefusal ? log.warning(line) : log.notice(line) })
        if settings.tokens.isEmpty {
            log.warning("api: no [[api.tokens]] configured; only /health and /metrics will answer")
        }
    }

    func start(kernel: ControlKernel) throws {
        let server = server
        boundPort = try blockingAwait { try await server.start() }
        let base = "\(server.scheme)://\(server.configuration.host):\(boundPort)"
        log.notice("api: listening on \(base) (status \(base)/api/v1/status, metrics \(base)/metrics)")
    }

    func scheduleOutcome(_ verdict: ScheduleVerdict) {
        verdicts.take(verdict.outcome)
    }

    func record(_ record: CycleRecord) {
        scoreboard.record(timeSeconds: record.timeSeconds, signalMW: record.signal * record.awardKW / 1000,
                          responseMW: record.regulationResponseKW / 1000)
        let now = dso_monotonic_ns()
        guard now >= nextPublishNanoseconds else { return }
        nextPublishNanoseconds = now + Self.publishIntervalNanoseconds
        status.publish(.assemble(
            model: model, cyclePeriodSeconds: cyclePeriodSeconds, wallTimeSeconds: WallClock.nowUnixSeconds(),
            cycle: CycleSummary(record, wallTimeSeconds: WallClock.nowUnixSeconds()), resources: observer.resources.latest(),
            counters: observer.counters.load(), scores: scoreboard.summary(), currentPJMHour: scoreboard.currentPJM,
            currentCAISOInterval: scoreboard.currentCAISO, drivers: driverStatus(), historian: historian?.statistics,
            epochUnixSeconds: epoch.isPinned ? epoch.unixSeconds(atKernelSeconds: 0) : nil))
    }

    /// SIGHUP: re-read the TLS certificate and key (a renewed certificate needs no restart).
    func reload(_ configuration: ServiceConfiguration) -> [String] {
        guard server.configuration.tls != nil else { return [] }
        do {
            try server.reloadTLS()
            return ["api: TLS certificate and key re-read"]
        } catch {
            log.error("reload: \(error); the certificate in force stays")
            return []
        }
    }

    func stop() {
        let server = server
        _ = try? blockingAwait { await server.stop() }
    }
}

extension CycleSummary {
    /// The status page's copy of one cycle record (the record's frame goes back to the kernel right after).
    init(_ record: CycleRecord, wallTimeSeconds: Double) {
        let points = (0..<record.netImportKW.count).map { index in
            InterfacePointSample(interfacePoint: index, netImportKW: record.netImportKW[index],
                                 scheduledKW: record.scheduledKW[index], aceKW: record.aceKW[index],
                                 regulationRequestKW: record.regulationRequestKW[index], flags: record.flags[index])
        }
        self.init(wallTimeSeconds: wallTimeSeconds, cycleIndex: record.cycleIndex, timeSeconds: record.timeSeconds,
                  signal: record.signal, awardKW: record.awardKW, regulationTargetKW: record.regulationTargetKW,
                  regulationCommandKW: record.regulationCommandKW, regulationResponseKW: record.regulationResponseKW,
                  regulationAvailableUpKW: record.regulationAvailableUpKW,
                  regulationAvailableDownKW: record.regulationAvailableDownKW,
                  aggregateSOC: record.aggregateSOC.isFinite ? record.aggregateSOC : nil,
                  controllableResources: record.controllableResources, setpointDigest: record.setpointDigest,
                  interfacePoints: points)
    }
}
