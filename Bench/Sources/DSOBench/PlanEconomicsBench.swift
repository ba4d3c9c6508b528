import DSOForecast
import DSOModel
import DSOPlanning
import DSOScenario
import Foundation

/// Issue 16's economics target: over 2021, the example fleet's batteries planned each day against day-ahead
/// prices forecast at 10:00 the day before earn at least 85 % of what the same planner earns with the day's
/// actual prices (perfect foresight), both valued at the actual SP-15 day-ahead prices; a threshold strategy
/// (charge below the day's forecast 25th percentile, discharge above its 75th) is the simple reference.
/// Needs the price file of `../shared/data` (`PLAN_PRICES` overrides the path); regulation capacity at constant
/// prices (no 2021 AS prices in the data), so it adds the same to both plans' energy comparison.
let planEconomicsBenchmark = Benchmark(
    name: "plan-economics",
    summary: "2021 SP-15: forecast-price plans vs perfect foresight vs a threshold strategy, the example fleet's batteries"
) { arguments in
    let path = ProcessInfo.processInfo.environment["PLAN_PRICES"]
        ?? "\(FileManager.default.currentDirectoryPath)/../../shared/data/grid/price/caiso_hub_lmp_2021_hourly_DAM_EIA.csv"
    guard FileManager.default.fileExists(atPath: path) else {
        print("skipped: no price file at \(path) (set PLAN_PRICES)")
        return
    }
    var reader = SeriesCSV(timeColumn: "UTC Timestamp (Interval Ending)", valueColumn: "SP-15 LMP")
    reader.stamp = .end
    let prices = try reader.load(path: path).series
    let zone = MarketTimeZone.pacific
    let first = LocalDate(year: 2021, month: 2, day: 1), last = arguments.quick ? LocalDate(year: 2021, month: 3, day: 31)
        : LocalDate(year: 2021, month: 12, day: 30)
    // Day-ahead price forecasts issued 10:00 the day before, as the forecast layer makes them for load.
    var configuration = Backtest.Configuration(testFrom: first, testTo: last)
    configuration.warmupDays = 7
    configuration.trainUntil = first.adding(days: -8)
    let forecasterNames = ["persistence", "similar-day", "ridge", "ensemble"]
    let backtest = Backtest(configuration: configuration, forecasters: try ForecasterCatalog.make(forecasterNames, kind: .load))
    let result = try backtest.run(series: prices, context: ForecastContext(kind: .load, zone: zone))
    for score in result.scores { print("price forecast \(score.forecaster): MAE \(format(score.mae, 2)) $/MWh, RMSE \(format(score.rmse, 2)) $/MWh") }
    let planners = ["similar-day", "ridge"]
    var forecastByHour: [String: [Int64: Double]] = [:]
    for name in planners {
        let position = result.forecasters.firstIndex(of: name)!
        for hour in result.hours { forecastByHour[name, default: [:]][hour.hourStart] = hour.medians[position] }
    }

    let scenario = try Scenario.load(path: "\(FileManager.default.currentDirectoryPath)/../examples/small-dso.toml")
    var fleet = PlanEconomicsFleet.batteries(of: scenario)
    // No 2021 ancillary-service prices in the data: regulation capacity at constant prices, near 2021's averages.
    let regulationUp = 10.0, regulationDown = 8.0
    // Sums in dollars: [strategy][0: energy only, 1: energy + regulation].
    var energyOnly: [String: Double] = [:], withRegulation: [String: Double] = [:]
    var days = 0, skipped = 0
    let started = nowNanoseconds()
    var day = first
    while day <= last {
        defer { day = day.adding(days: 1) }
        let horizon = try PlanningHorizon(day: day, zone: zone)
        let actual = horizon.intervals.map { prices.value(atHourStart: $0.startUnixSeconds) }
        let forecasts = planners.map { name in horizon.intervals.map { forecastByHour[name]?[$0.startUnixSeconds] ?? .nan } }
        guard actual.allSatisfy(\.isFinite), forecasts.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { skipped += 1; continue }
        fleet.interfacePoints[0].inflexibleLoadKW = Array(repeating: 0, count: horizon.count)
        for (regulation, up, down) in [(false, 0.0, 0.0), (true, regulationUp, regulationDown)] {
            func market(_ energy: [Double]) -> MarketPrices {
                MarketPrices(energyPerMWh: energy, regulationUpPerMWh: energy.map { _ in up }, regulationDownPerMWh: energy.map { _ in down })
            }
            for (name, energy) in [("perfect", actual)] + zip(planners, forecasts).map({ ($0, $1) }) {
                let plan = try DayAheadPlanner().plan(fleet: fleet, prices: market(energy), horizon: horizon)
                let value = PlanEconomicsFleet.value(plan, fleet: fleet, actual: actual, horizon: horizon, up: up, down: down)
                if regulation { withRegulation[name, default: 0] += value.total } else { energyOnly[name, default: 0] += value.total }
            }
        }
        energyOnly["threshold", default: 0] += PlanEconomicsFleet.threshold(fleet: fleet, forecast: forecasts[0], actual: actual)
        days += 1
    }
    let seconds = Double(nowNanoseconds() - started) / 1e9
    print("\n\(days) days \(first)…\(last) (\(skipped) without a forecast), \(fleet.batteries.count) batteries (\(format(fleet.batteries.reduce(0) { $0 + $1.dischargeKW } / 1000, 1)) MW, \(format(fleet.batteries.reduce(0) { $0 + $1.capacityKWh } / 1000, 1)) MWh), plans in \(format(seconds, 1)) s; valued at the actual SP-15 day-ahead prices\n")
    let perfectEnergy = energyOnly["perfect"] ?? .nan, perfectTotal = withRegulation["perfect"] ?? .nan
    print("| strategy | arbitrage only ($) | share | arbitrage + regulation ($) | share |")
    print("|---|---:|---:|---:|---:|")
    print("| perfect foresight (plan on the actual prices) | \(format(perfectEnergy, 0)) | 100 % | \(format(perfectTotal, 0)) | 100 % |")
    for name in planners {
        let energy = energyOnly[name] ?? .nan, total = withRegulation[name] ?? .nan
        print("| plan on \(name) price forecasts (issued 10:00 the day before) | \(format(energy, 0)) | \(format(100 * energy / perfectEnergy, 1)) % | \(format(total, 0)) | \(format(100 * total / perfectTotal, 1)) % |")
    }
    let threshold = energyOnly["threshold"] ?? .nan
    print("| threshold on similar-day forecasts (charge ≤ 25th, discharge ≥ 75th percentile) | \(format(threshold, 0)) | \(format(100 * threshold / perfectEnergy, 1)) % | – | – |")
    print("\ntarget: the forecast-price plan ≥ 85 % of perfect foresight (regulation at $\(format(regulationUp, 0))/$\(format(regulationDown, 0)) per MW-h up/down)")
}

/// The example fleet's batteries behind one unconstrained point (loads and PV cost the same under every strategy).
enum PlanEconomicsFleet {
    static func batteries(of scenario: Scenario) -> PlanningFleet {
        var fleet = PlanningFleet(interfacePoints: [.init(id: "FLEET", importLimitKW: 1e6, exportLimitKW: 1e6,
                                                          inflexibleLoadKW: Array(repeating: 0, count: 25))])
        for (resource, device) in zip(scenario.model.resources, scenario.devices) {
            guard case .battery(let parameters) = device else { continue }
            var battery = PlanningFleet.Battery(id: resource.id, interfacePoint: 0, chargeKW: parameters.maxChargeKW,
                                                dischargeKW: parameters.maxDischargeKW, capacityKWh: parameters.capacityKWh,
                                                initialSOC: 0.5)
            battery.chargeEfficiency = parameters.chargeEfficiency
            battery.dischargeEfficiency = parameters.dischargeEfficiency
            battery.socBand = resource.socBand
            battery.terminalSOC = 0.5
            fleet.batteries.append(battery)
        }
        return fleet
    }

    /// A plan's batteries valued at the actual prices: energy sold minus bought, minus wear; plus regulation capacity.
    static func value(_ plan: DayAheadPlan, fleet: PlanningFleet, actual: [Double], horizon: PlanningHorizon,
                      up: Double, down: Double) -> (energy: Double, total: Double) {
        var energy = 0.0, regulation = 0.0
        for (resource, battery) in zip(plan.resources, fleet.batteries) {
            for (t, interval) in horizon.intervals.enumerated() {
                let kw = resource.basePointKW[t]
                energy += actual[t] / 1000 * kw * interval.hours - battery.degradationPerMWh / 1000 * abs(kw) * interval.hours
                regulation += (up * (resource.regulationUpKW?[t] ?? 0) + down * (resource.regulationDownKW?[t] ?? 0)) / 1000 * interval.hours
            }
        }
        return (energy, energy + regulation)
    }

    /// Charge at full power in the hours whose forecast is at or below the day's 25th percentile, discharge at or
    /// above its 75th, inside the SOC band; valued at the actual prices.
    static func threshold(fleet: PlanningFleet, forecast: [Double], actual: [Double]) -> Double {
        let sorted = forecast.sorted()
        let low = sorted[sorted.count / 4], high = sorted[(3 * sorted.count) / 4]
        var value = 0.0
        for battery in fleet.batteries {
            var soc = battery.initialSOC * battery.capacityKWh
            for t in forecast.indices {
                var kw = 0.0
                if forecast[t] <= low {
                    kw = -min(battery.chargeKW, max(0, battery.socBand.upperBound * battery.capacityKWh - soc) / battery.chargeEfficiency)
                    soc -= kw * battery.chargeEfficiency
                } else if forecast[t] >= high {
                    kw = min(battery.dischargeKW, max(0, soc - battery.socBand.lowerBound * battery.capacityKWh) * battery.dischargeEfficiency)
                    soc -= kw / battery.dischargeEfficiency
                }
                value += actual[t] / 1000 * kw - battery.degradationPerMWh / 1000 * abs(kw)
            }
        }
        return value
    }
}
