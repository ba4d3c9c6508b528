public import DSOOptimization

/// The day-ahead planner: one linear program (a MILP when a DR programme limits its events) that co-optimises
/// each interface point's energy position with regulation up/down and spinning capacity across batteries, PV
/// curtailment and DR against the day's prices, under the interface limits and the energy regulation moves;
/// solved by CLP (CBC for the MILP). Limits and SOC targets are soft with penalties, so a plan is always made
/// and what it had to break is reported (`DayAheadPlan.relaxed`).
public struct DayAheadPlanner: Sendable {
    public var settings: PlanningSettings

    public init(settings: PlanningSettings = PlanningSettings()) {
        self.settings = settings
    }

    /// Plans `fleet` over `horizon` against `prices`.
    public func plan(fleet: PlanningFleet, prices: MarketPrices, horizon: PlanningHorizon) throws(PlanningError) -> DayAheadPlan {
        try fleet.validate(count: horizon.count)
        try prices.validate(count: horizon.count)
        var (model, variables) = build(fleet: fleet, prices: prices, horizon: horizon, fixedCalls: nil)
        var options = SolveOptions()
        options.timeLimitSeconds = settings.timeLimitSeconds
        options.relativeGap = settings.relativeGap
        options.lpMethod = settings.lpMethod
        var solution: LinearSolution
        var seconds = 0.0
        var gap: Double?
        var warmStart: WarmStartBasis?
        if model.isMixedInteger {
            let calls: [[Double]]
            if model.variableCount <= settings.exactMILPVariableLimit {
                // CBC decides the calls exactly.
                solution = try solve(model, options)
                seconds += solution.seconds
                calls = variables.demandResponse.map { programme in programme.called.map { $0.map { solution[$0].rounded() } ?? 0 } }
            } else {
                // Too large for CBC in time: the LP relaxation prices energy at each point, the calls follow from
                // those prices exactly (`DRCallSelection`), and the relaxation's objective bounds what is lost.
                (model, variables) = build(fleet: fleet, prices: prices, horizon: horizon, fixedCalls: nil, relaxCalls: true)
                let relaxation = try solve(model, options)
                seconds += relaxation.seconds
                calls = selectCalls(fleet: fleet, horizon: horizon, variables: variables, relaxation: relaxation)
                gap = relaxation.objective
                warmStart = relaxation.basis
            }
            // The calls decided, the same plan as an LP gives the duals the bids are priced from.
            (model, variables) = build(fleet: fleet, prices: prices, horizon: horizon, fixedCalls: calls)
        }
        // The relaxation has the same rows and columns (only the calls' bounds differ): warm-start from it.
        options.warmStart = warmStart
        solution = try solve(model, options)
        seconds += solution.seconds
        if let bound = gap { gap = max(0, (solution.objective - bound) / max(1, abs(solution.objective))) }
        var plan = DayAheadPlan(fleet: fleet, prices: prices, horizon: horizon, settings: settings, model: model,
                                variables: variables, solution: solution, solveSeconds: seconds)
        plan.relaxationGap = gap
        return plan
    }

    /// The linear model of the plan (for the HiGHS cross-check: `plannerModel(...).mps()`).
    public func model(fleet: PlanningFleet, prices: MarketPrices, horizon: PlanningHorizon) throws(PlanningError) -> LinearModel {
        try fleet.validate(count: horizon.count)
        try prices.validate(count: horizon.count)
        return build(fleet: fleet, prices: prices, horizon: horizon, fixedCalls: nil).model
    }

    /// Each limited programme's calls from the relaxation: an interval's benefit is what shedding its available
    /// kW saves at the point's marginal energy value (the balance row's dual) less the programme's cost.
    private func selectCalls(fleet: PlanningFleet, horizon: PlanningHorizon, variables: PlanVariables,
                             relaxation: LinearSolution) -> [[Double]] {
        fleet.demandResponse.enumerated().map { k, programme in
            let benefit = horizon.intervals.enumerated().map { t, interval in
                let value = relaxation.dual(variables.balance[programme.interfacePoint][t]) ?? 0
                return (value - programme.costPerMWh / 1000 * interval.hours) * programme.availableKW[t]
            }
            guard programme.maximumEvents != nil || programme.maximumHours != nil else { return benefit.map { _ in 0 } }
            let callable = zip(programme.availableKW, horizon.intervals).map { kw, interval in
                kw > 0 && (programme.notBeforeUnixSeconds.map { interval.startUnixSeconds >= $0 } ?? true)
            }
            return DRCallSelection.calls(benefit: benefit, callable: callable,
                                         hours: horizon.intervals.map(\.hours), maximumEvents: programme.maximumEvents,
                                         maximumHours: programme.maximumHours)
        }
    }

    private func solve(_ model: LinearModel, _ options: SolveOptions) throws(PlanningError) -> LinearSolution {
        let solution: LinearSolution
        do { solution = try LinearSolver.solve(model, options: options) } catch { throw PlanningError("solver: \(error)") }
        switch solution.status {
        case .optimal, .stopped: return solution
        case .infeasible(let groups):
            // Every limit and target is soft: infeasible means the input contradicts itself.
            throw PlanningError("the plan is infeasible even with its soft limits; conflicting constraints: "
                                + groups.sorted { $0.value > $1.value }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        case .unbounded:
            throw PlanningError("the plan is unbounded: a resource without a limit meets a price that pays without end")
        }
    }

    /// Builds the model; `fixedCalls` fixes each DR programme's called intervals (then the model is an LP).
    func build(fleet: PlanningFleet, prices: MarketPrices, horizon: PlanningHorizon,
               fixedCalls: [[Double]]?, relaxCalls: Bool = false) -> (model: LinearModel, variables: PlanVariables) {
        var model = LinearModel(name: "day-ahead-\(horizon.day)")
        var v = PlanVariables()
        let count = horizon.count
        let s = settings
        let spinning = s.offerSpinning && prices.spinningPerMWh.contains { $0 > 0 }
        for point in fleet.interfacePoints {
            var net: [LinearModel.Variable] = [], over: [LinearModel.Variable] = [], under: [LinearModel.Variable] = []
            for (t, interval) in horizon.intervals.enumerated() {
                // Buying at the LMP costs, selling earns: the energy position's cost is price × net import.
                net.append(model.addVariable("n_\(point.id)_\(t)", lower: -.infinity, upper: .infinity,
                                             cost: prices.energyPerMWh[t] / 1000 * interval.hours))
                over.append(model.addVariable("imp_slack_\(point.id)_\(t)", cost: s.limitPenaltyPerKWh * interval.hours))
                under.append(model.addVariable("exp_slack_\(point.id)_\(t)", cost: s.limitPenaltyPerKWh * interval.hours))
            }
            v.netImport.append(net); v.overImport.append(over); v.overExport.append(under)
            v.balance.append([])
        }
        for battery in fleet.batteries {
            var b = PlanVariables.Battery()
            let capacity = battery.capacityKWh
            let regulationKW = battery.providesRegulation ? battery.chargeKW + battery.dischargeKW : 0
            for (t, interval) in horizon.intervals.enumerated() {
                let hours = interval.hours
                let wear = battery.degradationPerMWh / 1000 * hours
                b.charge.append(model.addVariable("c_\(battery.id)_\(t)", upper: battery.chargeKW, cost: wear))
                b.discharge.append(model.addVariable("d_\(battery.id)_\(t)", upper: battery.dischargeKW, cost: wear))
                b.energy.append(model.addVariable("e_\(battery.id)_\(t)", upper: capacity))
                b.regulationUp.append(model.addVariable("ru_\(battery.id)_\(t)", upper: regulationKW,
                                                        cost: -prices.regulationUpPerMWh[t] / 1000 * hours))
                b.regulationDown.append(model.addVariable("rd_\(battery.id)_\(t)", upper: regulationKW,
                                                          cost: -prices.regulationDownPerMWh[t] / 1000 * hours))
                if spinning {
                    b.spinning.append(model.addVariable("sp_\(battery.id)_\(t)", upper: battery.dischargeKW + battery.chargeKW,
                                                        cost: -prices.spinningPerMWh[t] / 1000 * hours))
                }
                b.belowBand.append(model.addVariable("soc_low_\(battery.id)_\(t)", cost: s.socBandPenaltyPerKWh))
                b.aboveBand.append(model.addVariable("soc_high_\(battery.id)_\(t)", cost: s.socBandPenaltyPerKWh))
            }
            b.terminalShort = model.addVariable("soc_terminal_short_\(battery.id)", cost: s.terminalPenaltyPerKWh)
            let ηc = battery.chargeEfficiency, ηd = battery.dischargeEfficiency
            let sustain = s.regulationSustainMinutes / 60
            for (t, interval) in horizon.intervals.enumerated() {
                let hours = interval.hours
                // e_t = e_{t−1} + ηc·c·Δ − d·Δ/ηd − (regulation up's net discharge) + (regulation down's net charge) − losses.
                var terms: [(LinearModel.Variable, Double)] = [
                    (b.energy[t], 1), (b.charge[t], -ηc * hours), (b.discharge[t], hours / ηd),
                    (b.regulationUp[t], (s.regulationUpEnergyFraction / ηd + s.regulationLossFraction) * hours),
                    (b.regulationDown[t], (s.regulationLossFraction - s.regulationDownEnergyFraction * ηc) * hours),
                ]
                var start = 0.0
                if t > 0 { terms.append((b.energy[t - 1], -1)) } else { start = battery.initialSOC * capacity }
                b.balance.append(model.equal("soc_balance_\(battery.id)_\(t)", group: "soc-balance", terms: terms, rhs: start))
                // Power headroom: energy plus the capacity held for regulation and spinning within the ratings.
                model.lessOrEqual("up_headroom_\(battery.id)_\(t)", group: "battery-power",
                                  terms: [(b.discharge[t], 1), (b.charge[t], -1), (b.regulationUp[t], 1)] + b.spinningTerm(t, 1),
                                  rhs: battery.dischargeKW)
                model.greaterOrEqual("down_headroom_\(battery.id)_\(t)", group: "battery-power",
                                     terms: [(b.discharge[t], 1), (b.charge[t], -1), (b.regulationDown[t], -1)],
                                     rhs: -battery.chargeKW)
                // The band, with the energy a full regulation (sustain) or spinning (30 min) deflection would move
                // kept inside it, at the interval's end and (through the previous end, or the start) its start.
                let low = battery.socBand.lowerBound * capacity, high = battery.socBand.upperBound * capacity
                for (label, energy, constant) in [("end", b.energy[t] as LinearModel.Variable?, 0.0),
                                                  ("start", t > 0 ? b.energy[t - 1] : nil, t > 0 ? 0 : start)] {
                    var lowTerms: [(LinearModel.Variable, Double)] = [(b.regulationUp[t], -sustain / ηd), (b.belowBand[t], 1)]
                        + b.spinningTerm(t, -0.5 / ηd)
                    var highTerms: [(LinearModel.Variable, Double)] = [(b.regulationDown[t], sustain * ηc), (b.aboveBand[t], -1)]
                    if let energy { lowTerms.append((energy, 1)); highTerms.append((energy, 1)) }
                    model.greaterOrEqual("soc_reserve_low_\(label)_\(battery.id)_\(t)", group: "soc-band", terms: lowTerms,
                                         rhs: low - constant)
                    model.lessOrEqual("soc_reserve_high_\(label)_\(battery.id)_\(t)", group: "soc-band", terms: highTerms,
                                      rhs: high - constant)
                }
            }
            if let last = b.energy.last, let short = b.terminalShort {
                model.greaterOrEqual("soc_terminal_\(battery.id)", group: "soc-terminal", terms: [(last, 1), (short, 1)],
                                     rhs: (battery.terminalSOC ?? battery.initialSOC) * capacity)
            }
            v.batteries.append(b)
        }
        for unit in fleet.pv {
            v.pv.append(horizon.intervals.indices.map { t in
                model.addVariable("pv_\(unit.id)_\(t)", upper: min(unit.availableKW[t], unit.ratingKW))
            })
        }
        for (k, programme) in fleet.demandResponse.enumerated() {
            var d = PlanVariables.DemandResponse()
            let limited = programme.maximumEvents != nil || programme.maximumHours != nil
            for (t, interval) in horizon.intervals.enumerated() {
                // Inside the notification time nothing can be called that is not already.
                let notified = programme.notBeforeUnixSeconds.map { interval.startUnixSeconds >= $0 } ?? true
                let available = notified ? programme.availableKW[t] : 0
                d.curtail.append(model.addVariable("dr_\(programme.id)_\(t)", upper: available,
                                                   cost: programme.costPerMWh / 1000 * interval.hours))
                // A call matters only where the programme has something to shed: elsewhere it is not called (no
                // binary), which keeps the MILP to the programme's windows.
                guard limited, available > 0 else { d.called.append(nil); continue }
                let fixed = fixedCalls?[k][t]
                let called = model.addVariable("dr_on_\(programme.id)_\(t)", lower: fixed ?? 0, upper: fixed ?? 1,
                                               isInteger: fixed == nil && !relaxCalls)
                d.called.append(called)
                model.lessOrEqual("dr_call_\(programme.id)_\(t)", group: "dr-call",
                                  terms: [(d.curtail[t], 1), (called, -available)], rhs: 0)
                let start = model.addVariable("dr_start_\(programme.id)_\(t)", upper: 1)
                d.starts.append(start)
                var terms: [(LinearModel.Variable, Double)] = [(start, 1), (called, -1)]
                if t > 0, let previous = d.called[t - 1] { terms.append((previous, 1)) }
                model.greaterOrEqual("dr_start_row_\(programme.id)_\(t)", group: "dr-events", terms: terms, rhs: 0)
            }
            if let events = programme.maximumEvents {
                model.lessOrEqual("dr_events_\(programme.id)", group: "dr-events", terms: d.starts.map { ($0, 1) }, rhs: Double(events))
            }
            if let hours = programme.maximumHours {
                model.lessOrEqual("dr_hours_\(programme.id)", group: "dr-hours",
                                  terms: zip(d.called, horizon.intervals).compactMap { called, interval in called.map { ($0, interval.hours) } },
                                  rhs: hours)
            }
            v.demandResponse.append(d)
        }
        // Each interface point: net import = inflexible load − PV − battery output − curtailment, within its limits,
        // with room for the regulation and spinning held behind it.
        for (i, point) in fleet.interfacePoints.enumerated() {
            for t in 0..<count {
                var balance: [(LinearModel.Variable, Double)] = [(v.netImport[i][t], 1)]
                var regulationUp: [(LinearModel.Variable, Double)] = [(v.netImport[i][t], 1), (v.overExport[i][t], 1)]
                var regulationDown: [(LinearModel.Variable, Double)] = [(v.netImport[i][t], 1), (v.overImport[i][t], -1)]
                for (b, battery) in fleet.batteries.enumerated() where battery.interfacePoint == i {
                    balance += [(v.batteries[b].discharge[t], 1), (v.batteries[b].charge[t], -1)]
                    regulationUp += [(v.batteries[b].regulationUp[t], -1)] + v.batteries[b].spinningTerm(t, -1)
                    regulationDown.append((v.batteries[b].regulationDown[t], 1))
                }
                for (p, unit) in fleet.pv.enumerated() where unit.interfacePoint == i { balance.append((v.pv[p][t], 1)) }
                for (k, programme) in fleet.demandResponse.enumerated() where programme.interfacePoint == i {
                    balance.append((v.demandResponse[k].curtail[t], 1))
                }
                if point.regulationAwardKW > 0 {
                    // Held each way, short of it only at a penalty (reported as relaxed): the award is the ISO's.
                    let batteries = fleet.batteries.indices.filter { fleet.batteries[$0].interfacePoint == i }
                    let short = model.addVariable("award_short_\(point.id)_\(t)", cost: s.limitPenaltyPerKWh * horizon.intervals[t].hours)
                    v.awardShort.append(short)
                    model.greaterOrEqual("award_up_\(point.id)_\(t)", group: "regulation-award",
                                         terms: batteries.map { (v.batteries[$0].regulationUp[t], 1) } + [(short, 1)], rhs: point.regulationAwardKW)
                    model.greaterOrEqual("award_down_\(point.id)_\(t)", group: "regulation-award",
                                         terms: batteries.map { (v.batteries[$0].regulationDown[t], 1) } + [(short, 1)], rhs: point.regulationAwardKW)
                }
                v.balance[i].append(model.equal("balance_\(point.id)_\(t)", group: "interface-balance", terms: balance,
                                                rhs: point.inflexibleLoadKW[t]))
                let importMargin = point.importMarginKW.isEmpty ? 0 : point.importMarginKW[t]
                let exportMargin = point.exportMarginKW.isEmpty ? 0 : point.exportMarginKW[t]
                model.lessOrEqual("import_\(point.id)_\(t)", group: "interface-limit", terms: regulationDown,
                                  rhs: point.importLimitKW - importMargin)
                model.greaterOrEqual("export_\(point.id)_\(t)", group: "interface-limit", terms: regulationUp,
                                     rhs: -point.exportLimitKW + exportMargin)
            }
        }
        return (model, v)
    }
}
