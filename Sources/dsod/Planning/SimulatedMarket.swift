import DSOForecast
import DSOKernel
import DSOModel
import DSOPlanning
import DSORuntime
import DSOScenario
import Foundation
import Synchronization

/// The planners on the virtual clock (`dsod simulate --market`): the day-ahead plan at the start, then a re-plan
/// every `replanMinutes` of simulated time on a receding horizon from the batteries' SOC, holding the scenario's
/// regulation award and carrying the energy the signal has been asking (its mean over the last hour) — so the
/// schedules re-base the batteries toward their SOC target while they regulate. Plans reach the kernel through
/// the market ring, as in `dsod run`; with `rtdMinutes`, real-time re-plans on 5-minute intervals too. Simulated time 0 is `startTimeOfDaySeconds` into the local `day`.
final class SimulatedMarket: @unchecked Sendable {
    // Sendable: every method runs on the simulation loop's one thread (`afterEachCycle`, `onRecord` in
    // virtual mode); `statistics` is a Mutex for the summary read after the run.
    private let scenario: Scenario
    private let prices: PriceFile
    private let originUnixSeconds: Int64
    private let zone: MarketTimeZone
    private let ring: SPSCRing<InboundMessage>
    private let replanSeconds: Double
    private var nextReplanSeconds = 0.0
    private let rtdSeconds: Double
    private var nextRTDSeconds = 0.0
    private let drNotificationSeconds: Int64
    /// The signal's exponential mean over about an hour, and the cycle period it is updated at.
    private var signalMean = 0.0
    private let cyclePeriodSeconds: Double
    static let signalMemorySeconds = 3600.0
    private var planned = false
    let statistics = Mutex((plans: 0, failures: 0, solveSeconds: 0.0, refusedPushes: 0, lastProblem: ""))

    init(scenario: Scenario, prices: PriceFile, day: LocalDate, zone: MarketTimeZone, port: InboundPort, replanMinutes: Int,
         rtdMinutes: Int = 0, drNotificationMinutes: Double = 30, cyclePeriodSeconds: Double) {
        self.scenario = scenario
        self.prices = prices
        self.zone = zone
        originUnixSeconds = zone.unixSeconds(of: day, hour: 0) + Int64(scenario.run.startTimeOfDaySeconds.rounded())
        ring = port.ring(.market)
        replanSeconds = Double(replanMinutes * 60)
        rtdSeconds = Double(rtdMinutes * 60)
        drNotificationSeconds = Int64(drNotificationMinutes * 60)
        self.cyclePeriodSeconds = cyclePeriodSeconds
    }

    /// Each cycle record's signal (the energy regulation has been asking).
    func note(signal: Double) {
        guard signal.isFinite else { return }
        signalMean += (signal - signalMean) * min(1, cyclePeriodSeconds / Self.signalMemorySeconds)
    }

    func afterCycle(kernel: ControlKernel, timeSeconds: Double) {
        let now = originUnixSeconds + Int64(timeSeconds.rounded(.down))
        if !planned {
            planned = true
            let day = zone.local(now).day
            plan(kernel: kernel, now: now, start: now / 900 * 900, end: zone.unixSeconds(of: day.adding(days: 1), hour: 0),
                 layer: .dayAhead, sendUntil: .max)
        }
        let end = { (start: Int64) -> Int64 in
            let end = self.zone.unixSeconds(of: self.zone.local(start).day.adding(days: 1), hour: 0)
            return end - start < 2 * 3600 ? self.zone.unixSeconds(of: self.zone.local(start).day.adding(days: 2), hour: 0) : end
        }
        if timeSeconds >= nextReplanSeconds {
            nextReplanSeconds = (timeSeconds / replanSeconds).rounded(.down) * replanSeconds + replanSeconds
            let start = now / 900 * 900
            plan(kernel: kernel, now: now, start: start, end: end(start), layer: .fifteenMinute, sendUntil: start + 3600)
        }
        if rtdSeconds > 0, timeSeconds >= nextRTDSeconds {
            nextRTDSeconds = (timeSeconds / rtdSeconds).rounded(.down) * rtdSeconds + rtdSeconds
            let start = now / 300 * 300
            plan(kernel: kernel, now: now, start: start, end: end(start), layer: .realTimeDispatch, sendUntil: start + 900, fineMinutes: 5)
        }
    }

    private func plan(kernel: ControlKernel, now: Int64, start: Int64, end: Int64, layer: ScheduleLayer, sendUntil: Int64,
                      fineMinutes: Int = 15) {
        do {
            let horizon = try PlanningHorizon(recedingFrom: start, until: end, fineMinutes: fineMinutes,
                                              fineHours: fineMinutes == 5 ? 1 : 4, zone: zone)
            let model = scenario.model
            var soc: [String: Double] = [:]
            for (index, resource) in model.resources.enumerated() where resource.kind == .battery {
                let value = kernel.image.soc[index]
                if value.isFinite { soc[resource.id] = value }
            }
            var fleet = try PlanningFleet(model: model, devices: scenario.devices,
                                          forecasts: PlanningForecasts.profiles(of: scenario, horizon: horizon), count: horizon.count,
                                          initialSOC: soc)
            // The award, shared among the points by their batteries' power; the SOC target mid-band.
            let awardKW = scenario.regulation.awardMW * 1000
            let power = fleet.batteries.filter(\.providesRegulation).reduce(0) { $0 + $1.dischargeKW }
            for index in fleet.interfacePoints.indices where power > 0 {
                let share = fleet.batteries.filter { $0.interfacePoint == index && $0.providesRegulation }.reduce(0) { $0 + $1.dischargeKW } / power
                fleet.interfacePoints[index].regulationAwardKW = awardKW * share
            }
            if layer != .dayAhead {
                for index in fleet.demandResponse.indices { fleet.demandResponse[index].notBeforeUnixSeconds = now + drNotificationSeconds }
            }
            for index in fleet.batteries.indices {
                let band = fleet.batteries[index].socBand
                fleet.batteries[index].terminalSOC = (band.lowerBound + band.upperBound) / 2
            }
            var settings = PlanningSettings()
            settings.regulationUpEnergyFraction = max(0, signalMean)
            settings.regulationDownEnergyFraction = max(0, -signalMean)
            let plan = try DayAheadPlanner(settings: settings).plan(fleet: fleet, prices: prices.prices(for: horizon), horizon: horizon)
            let entries = plan.schedules { Double($0 - originUnixSeconds) }.filter { entry in
                entry.endSeconds > Double(now - originUnixSeconds) && entry.startSeconds < Double(sendUntil - originUnixSeconds)
            }
            var refused = 0
            for var entry in entries {
                entry.layer = layer
                if !ring.push(.schedule(entry)) { refused += 1 }
            }
            statistics.withLock { $0.plans += 1; $0.solveSeconds += plan.solveSeconds; $0.refusedPushes += refused }
        } catch {
            statistics.withLock { $0.failures += 1; $0.lastProblem = "\(error)" }
        }
    }
}
