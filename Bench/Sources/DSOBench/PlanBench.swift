import DSOForecast
import DSOOptimization
import DSOPlanning
import Foundation

/// The day-ahead planner at issue 16's scale: 96 quarter-hour intervals and 250 resources (10 interface points,
/// 150 batteries, 60 PV systems, 30 DR programmes), target under 5 s; a 15-minute re-plan of the rest of the day
/// (48 intervals from midday, the latest SOC), target under 1 s. The MILP (every DR programme limited to one event
/// of 4 hours) beside the LP shows what the binaries cost; the hourly plan of the same fleet is the reference.
let planBenchmark = Benchmark(
    name: "plan",
    summary: "day-ahead plan, 96 intervals × 250 resources (LP, MILP) and a 48-interval re-plan, seconds"
) { arguments in
    let repetitions = arguments.quick ? 1 : 3
    print("| plan | intervals | variables | constraints | solver | median (s) | max (s) | of which solving (s) | gap to relaxation |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    var medians: [String: Double] = [:]
    let method: SolveOptions.LPMethod = switch ProcessInfo.processInfo.environment["PLAN_LP_METHOD"] {
    case "barrier": .barrier
    case "dual": .dualSimplex
    case "primal": .primalSimplex
    default: .automatic
    }
    var settings = PlanningSettings()
    settings.lpMethod = method
    if let gap = ProcessInfo.processInfo.environment["PLAN_GAP"].flatMap(Double.init) { settings.relativeGap = gap }
    print("CLP method \(method), MILP gap \(settings.relativeGap)\n")
    let dayStart: Int64 = 1_784_098_800  // 2026-07-15 00:00 PDT
    let midday = dayStart + 12 * 3600
    let cases: [(name: String, horizon: PlanningHorizon, limited: Bool)] = [
        ("hourly day-ahead (reference)", try PlanningHorizon(startUnixSeconds: dayStart, count: 24, minutes: 60), false),
        ("quarter-hour day-ahead, LP", try PlanningHorizon(startUnixSeconds: dayStart, count: 96, minutes: 15), false),
        ("quarter-hour day-ahead, MILP (DR events)", try PlanningHorizon(startUnixSeconds: dayStart, count: 96, minutes: 15), true),
        ("re-plan from midday, quarter-hours to midnight", try PlanningHorizon(startUnixSeconds: midday, count: 48, minutes: 15), false),
        ("re-plan from midday, receding (4 h of quarter-hours, then hours)", try PlanningHorizon(recedingFrom: midday, until: dayStart + 86_400), false),
    ]
    for (name, horizon, limited) in cases {
        let count = horizon.count
        let fleet = PlanBenchFleet.fleet(horizon: horizon, limited: limited)
        let prices = PlanBenchFleet.prices(horizon: horizon)
        var seconds: [Double] = []
        var plan: DayAheadPlan?
        for _ in 0..<repetitions {
            let begin = nowNanoseconds()
            plan = try DayAheadPlanner(settings: settings).plan(fleet: fleet, prices: prices, horizon: horizon)
            seconds.append(Double(nowNanoseconds() - begin) / 1e9)
        }
        guard let plan, plan.bidViolations.isEmpty else { throw BenchFailure(message: "\(name): \(plan?.bidViolations.prefix(2) ?? [])") }
        let percentiles = Percentiles(seconds)
        medians[name] = percentiles.median
        print("| \(name) | \(count) | \(plan.variables) | \(plan.constraints) | \(plan.solver) | \(format(percentiles.median, 3)) | \(format(percentiles.max, 3)) | \(format(plan.solveSeconds, 3)) | \(plan.relaxationGap.map { format($0 * 100, 4) + " %" } ?? "–") |")
    }
    print("")
    print("day-ahead 96 × 250: LP \(format(medians[cases[1].name] ?? .nan, 2)) s, MILP \(format(medians[cases[2].name] ?? .nan, 2)) s (target < 5 s); re-plan \(format(medians[cases[4].name] ?? .nan, 3)) s receding, \(format(medians[cases[3].name] ?? .nan, 3)) s in quarter-hours (target < 1 s)")
}

/// The made-up fleet: shapes like a summer day in California, seeded.
enum PlanBenchFleet {
    static func fleet(horizon: PlanningHorizon, limited: Bool) -> PlanningFleet {
        let count = horizon.count
        func hourOfDay(_ t: Int) -> Double { Double((horizon.intervals[t].startUnixSeconds - 1_784_098_800) % 86_400) / 3600 }
        var fleet = PlanningFleet(interfacePoints: (0..<10).map { point in
            .init(id: "SUB-\(point)", importLimitKW: 20_000, exportLimitKW: 8_000, inflexibleLoadKW: (0..<count).map { t in
                let daily: Double = 3_000 * sin((hourOfDay(t) - 9) / 24 * 2 * .pi)
                return 9_000 + daily + 100 * Double(point)
            })
        })
        for index in 0..<150 {
            var battery = PlanningFleet.Battery(id: "BESS-\(index)", interfacePoint: index % 10, chargeKW: 200 + Double(index % 7) * 50,
                                                dischargeKW: 250 + Double(index % 5) * 50, capacityKWh: 800 + Double(index % 9) * 100,
                                                initialSOC: 0.3 + 0.02 * Double(index % 20))
            battery.chargeEfficiency = 0.92 + 0.005 * Double(index % 8)
            battery.dischargeEfficiency = battery.chargeEfficiency
            battery.degradationPerMWh = 5 + Double(index % 6)
            battery.terminalSOC = 0.5
            fleet.batteries.append(battery)
        }
        for index in 0..<60 {
            fleet.pv.append(.init(id: "PV-\(index)", interfacePoint: index % 10, ratingKW: 500 + Double(index % 4) * 100,
                                  availableKW: (0..<count).map { t in
                                      let sun: Double = sin((hourOfDay(t) - 6) / 14 * .pi)
                                      return max(0, 480 * sun)
                                  }))
        }
        for index in 0..<30 {
            var programme = PlanningFleet.DemandResponse(id: "DR-\(index)", interfacePoint: index % 10, availableKW: (0..<count).map { t in
                (16..<21).contains(Int(hourOfDay(t))) ? 150 + Double(index % 3) * 50 : 0
            })
            programme.costPerMWh = 90 + Double(index % 5) * 20
            if limited {
                programme.maximumEvents = 1
                programme.maximumHours = 4
            }
            fleet.demandResponse.append(programme)
        }
        return fleet
    }

    static func prices(horizon: PlanningHorizon) -> MarketPrices {
        var energy: [Double] = [], up: [Double] = [], down: [Double] = []
        for interval in horizon.intervals {
            let hour = Double((interval.startUnixSeconds - 1_784_098_800) % 86_400) / 3600
            let duck: Double = hour >= 9 && hour < 15 ? -25 : 0
            let peak: Double = hour >= 17 && hour < 21 ? 90 + 30 * sin((hour - 17) / 4 * .pi) : 0
            energy.append(45 + duck + peak)
            up.append(8 + (peak > 0 ? 6 : 0))
            down.append(6 + (duck < 0 ? 4 : 0))
        }
        return MarketPrices(energyPerMWh: energy, regulationUpPerMWh: up, regulationDownPerMWh: down)
    }
}
