import DSOOptimization

/// Turns a solved plan into CAISO bids. The self-schedule is each interface point's inflexible net position;
/// the staircase offers the batteries' remaining flexibility at the value the plan puts on stored energy in
/// that interval (the dual of its SOC balance: charging pays below `value·ηc − wear`, discharging above
/// `value/ηd + wear`) and the DR programmes at their cost — so the market may move the fleet off the plan
/// exactly where that earns more than the plan does. At most `rules.maximumSegments` steps (the closest in price
/// merged), clipped to the floor and cap.
enum BidBuilder {
    static func bids(fleet: PlanningFleet, horizon: PlanningHorizon, variables: PlanVariables, solution: LinearSolution,
                     rules: BidRules) -> (energy: [EnergyBid], ancillary: [AncillaryOffer], rangesMW: [[ClosedRange<Double>]]) {
        var energy: [EnergyBid] = [], ancillary: [AncillaryOffer] = [], ranges: [[ClosedRange<Double>]] = []
        for (i, point) in fleet.interfacePoints.enumerated() {
            var pointRanges: [ClosedRange<Double>] = []
            for (t, interval) in horizon.intervals.enumerated() {
                var pvKW = 0.0
                for (p, unit) in fleet.pv.enumerated() where unit.interfacePoint == i { pvKW += solution[variables.pv[p][t]] }
                var steps: [(widthKW: Double, price: Double)] = []
                var lowestKW = 0.0
                var offers: [String: Double] = ["RU": 0, "RD": 0, "SR": 0]
                for (b, battery) in fleet.batteries.enumerated() where battery.interfacePoint == i {
                    let plan = variables.batteries[b]
                    let up = solution[plan.regulationUp[t]], down = solution[plan.regulationDown[t]], spin = plan.spinningKW(t, solution)
                    offers["RU", default: 0] += up
                    offers["RD", default: 0] += down
                    offers["SR", default: 0] += spin
                    // The value of a kWh stored at the end of the interval, $/MWh (the balance row's dual is the
                    // cost of one kWh more energy needed there; its negative the value of one more stored).
                    let value = -(solution.dual(plan.balance[t]) ?? 0) * 1000
                    let chargeKW = max(0, battery.chargeKW - down), dischargeKW = max(0, battery.dischargeKW - up - spin)
                    lowestKW -= chargeKW
                    steps.append((chargeKW, value * battery.chargeEfficiency - battery.degradationPerMWh))
                    steps.append((dischargeKW, value / battery.dischargeEfficiency + battery.degradationPerMWh))
                }
                for programme in fleet.demandResponse where programme.interfacePoint == i {
                    steps.append((programme.availableKW[t], programme.costPerMWh))
                }
                let selfSchedule = (pvKW - point.inflexibleLoadKW[t]) / 1000
                let segments = staircase(from: lowestKW / 1000, steps: steps.map { ($0.widthKW / 1000, $0.price) }, rules: rules)
                let totalMW = steps.reduce(0) { $0 + $1.widthKW } / 1000
                pointRanges.append((lowestKW / 1000)...(lowestKW / 1000 + totalMW))
                energy.append(EnergyBid(interfacePoint: point.id, startUnixSeconds: interval.startUnixSeconds, minutes: interval.minutes,
                                        selfScheduleMW: selfSchedule, segments: segments))
                for product in ["RU", "RD", "SR"] {
                    let mw = (offers[product] ?? 0) / 1000
                    guard mw >= rules.resolutionMW else { continue }
                    ancillary.append(AncillaryOffer(interfacePoint: point.id, startUnixSeconds: interval.startUnixSeconds,
                                                    minutes: interval.minutes, product: product,
                                                    mw: (mw * 100).rounded(.down) / 100, pricePerMW: 0))
                }
            }
            ranges.append(pointRanges)
        }
        return (energy, ancillary, ranges)
    }

    /// Steps sorted by price into a contiguous staircase from `fromMW`, clipped to the floor and cap, steps
    /// under the MW resolution dropped, then the two adjacent steps closest in price merged (at their
    /// MW-weighted price, which keeps the order) until at most `maximumSegments` remain.
    static func staircase(from fromMW: Double, steps: [(mw: Double, price: Double)], rules: BidRules) -> [EnergyBid.Segment] {
        var sorted = steps.filter { $0.mw >= rules.resolutionMW }
            .map { (mw: $0.mw, price: min(max($0.price, rules.floorPerMWh), rules.capPerMWh)) }
            .sorted { $0.price < $1.price }
        while sorted.count > rules.maximumSegments {
            var closest = 0
            for index in 0..<(sorted.count - 1) where sorted[index + 1].price - sorted[index].price
                < sorted[closest + 1].price - sorted[closest].price { closest = index }
            let a = sorted[closest], b = sorted[closest + 1]
            sorted[closest] = (a.mw + b.mw, (a.price * a.mw + b.price * b.mw) / (a.mw + b.mw))
            sorted.remove(at: closest + 1)
        }
        var segments: [EnergyBid.Segment] = []
        var at = fromMW
        for step in sorted {
            segments.append(EnergyBid.Segment(fromMW: at, toMW: at + step.mw, pricePerMWh: (step.price * 100).rounded() / 100))
            at += step.mw
        }
        return segments
    }
}
