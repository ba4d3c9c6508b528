import Dispatch
import DSOForecast
import DSOHistorian
import DSOKernel
import DSOModel
import DSOPlanning
import DSORuntime
import DSOScenario
import DSOService
import Foundation
import Synchronization

/// The planners in `dsod run`, on their own queue: the day-ahead plan once per operating day when the deadline
/// passes (the day's bids, and its interface-point schedules into the kernel's market ring on the day-ahead
/// layer), an intraday re-plan every `replan_minutes` on a receding horizon from the latest SOC, whose next hour
/// goes into the ring on the fifteen-minute layer, and with `rtd_minutes` a real-time re-plan on 5-minute
/// intervals whose next quarter-hour goes in on the real-time-dispatch layer. Each interval ends on its own: if the planner stops,
/// the fifteen-minute schedule expires within the hour and the day-ahead schedule shows through (and after the
/// day, the configured schedules). A plan that fails is logged and the last one stays in force.
final class PlanningComponent: ServiceComponent, @unchecked Sendable {
    // Sendable: `timer` and `plannedDay` are touched only on `queue`; `verdicts` is a Mutex; the rest is
    // immutable or Sendable.
    let name = "planning"
    private let configuration: ServiceConfiguration
    private let planning: ServiceConfiguration.PlanningConfiguration
    private let zone: MarketTimeZone
    private let deadline: (hour: Int, minute: Int)
    private let forecasts: ForecastBoard?
    private let observer: CycleObserver
    private let historian: Historian?
    private let ring: InboundRingWriter
    private let epoch: KernelEpoch
    private let log: ServiceLog
    private let queue = DispatchQueue(label: "planning", qos: .utility)
    private var timer: (any DispatchSourceTimer)?
    private var plannedDay: LocalDate?
    /// When the next fifteen-minute re-plan is due (the timer may tick more often, for RTD).
    private var nextReplan: Int64 = .min
    /// Minutes between timer ticks: the shorter of the two re-plan periods.
    private var cadenceMinutes: Int {
        [planning.replanMinutes, planning.rtdMinutes].filter { $0 > 0 }.min() ?? 15
    }
    private let verdicts = Mutex((accepted: 0, refused: 0))
    /// The first plans wait for the forecast layer's first refresh (2 s after start).
    static let firstPlanDelaySeconds = 5.0
    /// Re-plans run this long after each point of the grid, after the forecasts refreshed on it.
    static let replanOffsetSeconds = 20.0

    init(configuration: ServiceConfiguration, planning: ServiceConfiguration.PlanningConfiguration, forecasts: ForecastBoard?,
         observer: CycleObserver, historian: Historian?, port: InboundPort, epoch: KernelEpoch, log: ServiceLog) {
        self.configuration = configuration
        self.planning = planning
        let settings = configuration.forecast?.settings
        zone = settings?.zone ?? .pacific
        deadline = (settings?.dayAheadIssueHour ?? 10, settings?.dayAheadIssueMinute ?? 0)
        self.forecasts = forecasts
        self.observer = observer
        self.historian = historian
        ring = InboundRingWriter(port: port, producer: .market)
        self.epoch = epoch
        self.log = log
    }

    func start(kernel: ControlKernel) throws {
        log.notice("planning: day-ahead at \(String(format: "%02d:%02d", deadline.hour, deadline.minute)) \(zone.identifier) in \(planning.intervalMinutes)-minute intervals, prices from \(planning.prices.path)" + (planning.replanMinutes > 0 ? ", re-plans every \(planning.replanMinutes) min" : ", no re-plans"))
        queue.sync {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + Self.firstPlanDelaySeconds, repeating: .never)
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.tick()
                let period = Double(self.cadenceMinutes * 60)
                let now = WallClock.nowUnixSeconds()
                let wait = max(1, (now / period).rounded(.down) * period + period + Self.replanOffsetSeconds - now)
                self.timer?.schedule(deadline: .now() + wait, repeating: .never)
            }
            self.timer = timer
            timer.resume()
        }
    }

    /// The kernel's verdicts on the market ring's intervals, for the log.
    func scheduleOutcome(_ verdict: ScheduleVerdict) {
        guard verdict.source == "market" else { return }
        verdicts.withLock { counts in
            if verdict.outcome.verdict.isAccepted { counts.accepted += 1 } else { counts.refused += 1 }
        }
    }

    /// One pass: the day-ahead plan if it is due, then a re-plan.
    func tick() {
        let now = Int64(WallClock.nowUnixSeconds())
        let today = zone.local(now).day
        let passed = now >= zone.unixSeconds(of: today, hour: deadline.hour, minute: deadline.minute)
        let day = passed ? today.adding(days: 1) : today
        if plannedDay != day {
            do {
                // Before the deadline (a start in the small hours) today is planned late, from the next interval.
                let horizon = passed ? try PlanningHorizon(day: day, zone: zone, minutes: planning.intervalMinutes)
                    : try PlanningHorizon(recedingFrom: Self.intervalStart(now, minutes: 15), until: zone.unixSeconds(of: today.adding(days: 1), hour: 0),
                                          fineMinutes: 15, fineHours: 24, zone: zone)
                let plan = try makePlan(horizon: horizon, kind: "day-ahead", now: now)
                let sent = send(plan, layer: .dayAhead, until: Int64.max, now: now)
                plannedDay = day
                log.notice("planning: day-ahead plan for \(day): \(horizon.count) intervals, \(sent) schedule intervals to the kernel, bids \(plan.bidViolations.isEmpty ? "valid" : "INVALID (\(plan.bidViolations.count))"), expected net \(PlanReport.dollars(plan.revenue.netCents))" + relaxedText(plan))
            } catch {
                log.error("planning: no day-ahead plan for \(day): \(error); the schedules in force stay")
            }
        }
        if planning.replanMinutes > 0, now >= nextReplan {
            let step = Int64(planning.replanMinutes * 60)
            nextReplan = (now / step + 1) * step
            replan(now: now, minutes: 15, fineHours: 4, layer: .fifteenMinute, kind: "intraday")
        }
        if planning.rtdMinutes > 0 {
            replan(now: now, minutes: 5, fineHours: 1, layer: .realTimeDispatch, kind: "real-time")
        }
    }

    /// A re-plan on a receding horizon of `minutes` intervals from the one in progress; its next hour (FMM) or next
    /// quarter-hour (RTD) goes to the kernel on `layer`, so it expires soon if re-planning stops.
    private func replan(now: Int64, minutes: Int, fineHours: Double, layer: ScheduleLayer, kind: String) {
        do {
            // From the interval in progress: its rest is re-planned too, from the SOC now.
            let start = Self.intervalStart(now, minutes: minutes)
            var end = zone.unixSeconds(of: zone.local(start).day.adding(days: 1), hour: 0)
            if end - start < 2 * 3600 { end = zone.unixSeconds(of: zone.local(start).day.adding(days: 2), hour: 0) }
            let horizon = try PlanningHorizon(recedingFrom: start, until: end, fineMinutes: minutes, fineHours: fineHours, zone: zone)
            let plan = try makePlan(horizon: horizon, kind: kind, now: now, drNotBefore: now + Int64(planning.drNotificationMinutes * 60))
            let sent = send(plan, layer: layer, until: start + (layer == .realTimeDispatch ? 900 : 3600), now: now)
            let counts = verdicts.withLock { $0 }
            log.info("planning: \(kind) re-plan from \(UTCTimestamp.text(unixSeconds: Double(start))): \(horizon.count) intervals in \(String(format: "%.2f", plan.solveSeconds)) s, \(sent) intervals to the kernel (market intervals so far: \(counts.accepted) accepted, \(counts.refused) refused)" + relaxedText(plan))
        } catch {
            log.warning("planning: \(kind) re-plan failed: \(error); the last plan stays in force")
        }
    }

    /// Plans `horizon` from the latest forecasts (the scenario's profiles where a simulated grid has none yet),
    /// the price file and the batteries' SOC now; stores the plan.
    private func makePlan(horizon: PlanningHorizon, kind: String, now: Int64, drNotBefore: Int64? = nil) throws -> DayAheadPlan {
        let prices = try planning.prices.prices(for: horizon)
        var series = PlanningForecasts(seriesKW: [:])
        var uncovered: [String] = []
        if let forecasts {
            (series, uncovered) = PlanningForecasts.documents(forecasts.forecasts(), horizon: horizon)
        }
        var devices: [DeviceSpec]?
        if case .simulation(let simulation) = configuration.devices {
            devices = simulation.scenario.devices
            let profiles = PlanningForecasts.profiles(of: simulation.scenario, horizon: horizon)
            for (target, values) in profiles.seriesKW where series.seriesKW[target] == nil || uncovered.contains(target) {
                series.seriesKW[target] = values
            }
        }
        var soc: [String: Double] = [:]
        if let snapshot = observer.resources.latest() {
            for (index, resource) in configuration.model.resources.enumerated() where resource.kind == .battery {
                if index < snapshot.soc.count, snapshot.soc[index].isFinite { soc[resource.id] = snapshot.soc[index] }
            }
        }
        var fleet = try PlanningFleet(model: configuration.model, devices: devices, forecasts: series, count: horizon.count, initialSOC: soc)
        for index in fleet.demandResponse.indices { fleet.demandResponse[index].notBeforeUnixSeconds = drNotBefore }
        let plan = try DayAheadPlanner(settings: planning.settings).plan(fleet: fleet, prices: prices, horizon: horizon)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        historian?.record(.plan(StoredPlan(wallTimeSeconds: Double(now), kind: kind, day: horizon.day.description, issueUnixSeconds: now,
                                           firstIntervalUnixSeconds: horizon.intervals.first?.startUnixSeconds ?? now,
                                           json: String(decoding: try encoder.encode(plan), as: UTF8.self))))
        return plan
    }

    /// Pushes the plan's intervals that end after now and start before `until` into the market ring, on `layer`
    /// (the interval in progress included: the kernel takes an interval that has not ended);
    /// returns how many went in (a full ring is logged; the next plan sends again).
    private func send(_ plan: DayAheadPlan, layer: ScheduleLayer, until: Int64, now: Int64) -> Int {
        let entries = plan.schedules { [epoch] start in epoch.kernelSeconds(atUnixSeconds: Double(start)) }
            .filter { entry in
                let start = Int64(epoch.unixSeconds(atKernelSeconds: entry.startSeconds).rounded())
                let end = epoch.unixSeconds(atKernelSeconds: entry.endSeconds)
                return end > Double(now) && start < until
            }
            .map { entry -> InboundMessage in
                var entry = entry
                entry.layer = layer
                return .schedule(entry)
            }
        let ring = ring
        let taken = blockingPush { await ring.push(entries) }
        if taken < entries.count { log.warning("planning: the market ring took \(taken) of \(entries.count) intervals; the next plan sends again") }
        return taken
    }

    private func blockingPush(_ body: @escaping @Sendable () async -> Int) -> Int {
        (try? blockingAwait { await body() }) ?? 0
    }

    private func relaxedText(_ plan: DayAheadPlan) -> String {
        plan.relaxed.isEmpty ? "" : "; relaxed: " + plan.relaxed.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.0f", $0.value)) kWh" }.joined(separator: ", ")
    }

    static func intervalStart(_ now: Int64, minutes: Int) -> Int64 {
        let step = Int64(minutes * 60)
        return now / step * step
    }

    func stop() {
        queue.async { [self] in
            timer?.cancel()
            timer = nil
        }
    }
}
