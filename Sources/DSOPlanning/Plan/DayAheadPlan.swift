import DSOOptimization
public import DSOModel

/// A day-ahead plan: what each interface point will import per interval (its schedule for the kernel), what each
/// resource will do (base point, capacity held for regulation and spinning, SOC), the bids that carry it to
/// CAISO, the revenue it expects and what it had to relax. Codable: `dsod plan --json`, the historian, the API.
public struct DayAheadPlan: Sendable, Codable {
    public struct InterfacePointPlan: Sendable, Codable {
        public var id: String
        /// Planned net import per interval, kW (the schedule handed to the kernel).
        public var netImportKW: [Double]
    }

    public struct ResourcePlan: Sendable, Codable {
        public var id: String
        /// `battery`, `pv` or `dr`.
        public var kind: String
        public var interfacePoint: String
        /// Planned output per interval, kW (generation-positive; DR: curtailment).
        public var basePointKW: [Double]
        public var regulationUpKW: [Double]?
        public var regulationDownKW: [Double]?
        public var spinningKW: [Double]?
        /// State of charge at each interval's end (0…1).
        public var soc: [Double]?
        /// PV: what the sun allowed and the plan did not take, kW.
        public var curtailedKW: [Double]?
    }

    /// Expected money, cents (each line rounded once): energy (negative: the DSO buys), capacity payments,
    /// and the costs of wear and DR calls.
    public struct ExpectedRevenue: Sendable, Codable, Hashable {
        public var energyCents: Int
        public var regulationCents: Int
        public var spinningCents: Int
        public var degradationCents: Int
        public var demandResponseCents: Int
        public var netCents: Int { energyCents + regulationCents + spinningCents - degradationCents - demandResponseCents }
    }

    /// The operating day (local) and the intervals' UTC starts.
    public var day: String
    public var zone: String
    public var intervalMinutes: Int
    public var intervalStarts: [Int64]
    public var interfacePoints: [InterfacePointPlan]
    public var resources: [ResourcePlan]
    public var energyBids: [EnergyBid]
    public var ancillaryOffers: [AncillaryOffer]
    /// Bid rules broken (none when the bids may be submitted).
    public var bidViolations: [String]
    public var revenue: ExpectedRevenue
    /// Soft limits the plan had to break, by constraint group (kWh beyond them); empty for a clean plan.
    public var relaxed: [String: Double]
    public var solver: String
    public var solveSeconds: Double
    /// When DR calls were chosen from the LP relaxation: (plan − relaxation) / |plan|, an upper bound on how much
    /// the plan's objective could still improve; nil when CBC decided or nothing was to decide.
    public var relaxationGap: Double?
    public var variables: Int
    public var constraints: Int

    init(fleet: PlanningFleet, prices: MarketPrices, horizon: PlanningHorizon, settings: PlanningSettings, model: LinearModel,
         variables v: PlanVariables, solution: LinearSolution, solveSeconds: Double) {
        let value = { (variable: LinearModel.Variable) -> Double in solution[variable] }
        day = horizon.day.description
        zone = horizon.zone.identifier
        intervalMinutes = horizon.intervals.first?.minutes ?? 60
        intervalStarts = horizon.intervals.map(\.startUnixSeconds)
        interfacePoints = fleet.interfacePoints.enumerated().map { i, point in
            InterfacePointPlan(id: point.id, netImportKW: v.netImport[i].map(value))
        }
        var energy = 0.0, regulation = 0.0, spinning = 0.0, wear = 0.0, calls = 0.0
        for i in fleet.interfacePoints.indices {
            for (t, interval) in horizon.intervals.enumerated() {
                energy -= prices.energyPerMWh[t] / 1000 * interval.hours * value(v.netImport[i][t])
            }
        }
        var resources: [ResourcePlan] = []
        for (b, battery) in fleet.batteries.enumerated() {
            let plan = v.batteries[b]
            for (t, interval) in horizon.intervals.enumerated() {
                regulation += interval.hours / 1000 * (prices.regulationUpPerMWh[t] * value(plan.regulationUp[t])
                                                       + prices.regulationDownPerMWh[t] * value(plan.regulationDown[t]))
                spinning += interval.hours / 1000 * prices.spinningPerMWh[t] * plan.spinningKW(t, solution)
                wear += battery.degradationPerMWh / 1000 * interval.hours * (value(plan.charge[t]) + value(plan.discharge[t]))
            }
            resources.append(ResourcePlan(
                id: battery.id, kind: "battery", interfacePoint: fleet.interfacePoints[battery.interfacePoint].id,
                basePointKW: zip(plan.discharge, plan.charge).map { value($0) - value($1) },
                regulationUpKW: plan.regulationUp.map(value), regulationDownKW: plan.regulationDown.map(value),
                spinningKW: plan.spinning.isEmpty ? nil : plan.spinning.map(value), soc: plan.energy.map { value($0) / battery.capacityKWh }, curtailedKW: nil))
        }
        for (p, unit) in fleet.pv.enumerated() {
            let output = v.pv[p].map(value)
            resources.append(ResourcePlan(
                id: unit.id, kind: "pv", interfacePoint: fleet.interfacePoints[unit.interfacePoint].id, basePointKW: output,
                regulationUpKW: nil, regulationDownKW: nil, spinningKW: nil, soc: nil,
                curtailedKW: zip(unit.availableKW, output).map { max(0, min($0, unit.ratingKW) - $1) }))
        }
        for (k, programme) in fleet.demandResponse.enumerated() {
            let curtailed = v.demandResponse[k].curtail.map(value)
            for (t, interval) in horizon.intervals.enumerated() { calls += programme.costPerMWh / 1000 * interval.hours * curtailed[t] }
            resources.append(ResourcePlan(
                id: programme.id, kind: "dr", interfacePoint: fleet.interfacePoints[programme.interfacePoint].id, basePointKW: curtailed,
                regulationUpKW: nil, regulationDownKW: nil, spinningKW: nil, soc: nil, curtailedKW: nil))
        }
        self.resources = resources
        revenue = ExpectedRevenue(energyCents: Self.cents(energy), regulationCents: Self.cents(regulation),
                                  spinningCents: Self.cents(spinning), degradationCents: Self.cents(wear),
                                  demandResponseCents: Self.cents(calls))
        var relaxed: [String: Double] = [:]
        func note(_ group: String, _ variables: [LinearModel.Variable], _ hours: (Int) -> Double) {
            let total = variables.enumerated().reduce(0.0) { $0 + value($1.element) * hours($1.offset) }
            if total > 1e-6 { relaxed[group, default: 0] += total }
        }
        for i in fleet.interfacePoints.indices {
            note("interface-limit", v.overImport[i] + v.overExport[i]) { horizon.intervals[$0 % horizon.count].hours }
        }
        note("regulation-award", v.awardShort) { _ in 1 }
        for plan in v.batteries {
            note("soc-band", plan.belowBand + plan.aboveBand) { _ in 1 }
            if let short = plan.terminalShort { note("soc-terminal", [short]) { _ in 1 } }
        }
        self.relaxed = relaxed
        let rules = BidRules()
        let bids = BidBuilder.bids(fleet: fleet, horizon: horizon, variables: v, solution: solution, rules: rules)
        energyBids = bids.energy
        ancillaryOffers = bids.ancillary
        var violations: [String] = []
        for bid in bids.energy {
            let i = fleet.interfacePoints.firstIndex { $0.id == bid.interfacePoint } ?? 0
            let t = horizon.intervals.firstIndex { $0.startUnixSeconds == bid.startUnixSeconds } ?? 0
            violations += rules.violations(of: bid, rangeMW: bids.rangesMW[i][t])
        }
        for offer in bids.ancillary { violations += rules.violations(of: offer, maximumMW: .infinity) }
        bidViolations = violations
        solver = solution.solver
        self.solveSeconds = solveSeconds
        variables = model.variableCount
        constraints = model.constraintCount
        relaxationGap = nil
    }

    /// Dollars to cents, rounded half away from zero once per line.
    static func cents(_ dollars: Double) -> Int { Int((dollars * 100).rounded(.toNearestOrAwayFromZero)) }

    /// The schedule of each interface point as the kernel's entries, on the day-ahead layer: `kernelSeconds`
    /// converts a UTC instant to the kernel's clock.
    public func schedules(kernelSeconds: (Int64) -> Double) -> [ScheduleEntry] {
        interfacePoints.enumerated().flatMap { i, point in
            zip(intervalStarts, point.netImportKW).map { start, kw in
                ScheduleEntry(interfacePoint: i, startSeconds: kernelSeconds(start),
                              endSeconds: kernelSeconds(start + Int64(intervalMinutes) * 60), netImportKW: kw, layer: .dayAhead)
            }
        }
    }
}
