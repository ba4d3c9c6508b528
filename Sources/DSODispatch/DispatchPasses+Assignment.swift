extension DispatchPasses {
    /// Writes every set-point at incremental cost λ and prices the dispatch.
    ///
    /// Linear resources priced exactly at λ first go to their lower limits, then share what is left of
    /// the target in proportion to their ranges (all such splits cost the same).
    func assign(marginalCost cost: Double, targetKW: Double) -> DispatchResult {
        var totalKW = 0.0
        var totalCost = 0.0
        var tieRangeKW = 0.0
        for index in 0..<count {
            let lo = lower[index], hi = upper[index]
            let inverse = inverseQuadraticCost[index]
            var setPoint: Double
            if lo == hi {
                setPoint = lo
            } else if inverse > 0 {
                setPoint = min(max((cost - linearCost[index]) * inverse, lo), hi)
            } else {
                let price = costAtLower[index]
                setPoint = price < cost ? hi : lo
                if price == cost {
                    tieRangeKW += hi - lo
                    output[index] = lo
                    totalKW += lo
                    continue  // priced in the sharing pass
                }
            }
            output[index] = setPoint
            totalKW += setPoint
            totalCost += setPoint * (linearCost[index] + 0.5 * quadraticCost[index] * setPoint)
        }
        if tieRangeKW > 0 {
            let share = min(max((targetKW - totalKW) / tieRangeKW, 0), 1)
            for index in 0..<count {
                let lo = lower[index], hi = upper[index]
                guard lo != hi, inverseQuadraticCost[index] == 0, costAtLower[index] == cost else { continue }
                let setPoint = lo + share * (hi - lo)
                output[index] = setPoint
                totalKW += setPoint - lo
                totalCost += setPoint * (linearCost[index] + 0.5 * quadraticCost[index] * setPoint)
            }
        }
        return DispatchResult(
            status: .optimal, marginalCostPerKWh: cost, dispatchedKW: totalKW,
            totalCostPerHour: totalCost, shortfallKW: targetKW - totalKW
        )
    }

    /// The closest feasible dispatch to an unreachable target: every resource at one of its limits.
    func assignAll(atUpper: Bool, targetKW: Double, marginalCost: Double) -> DispatchResult {
        var totalKW = 0.0
        var totalCost = 0.0
        for index in 0..<count {
            let setPoint = atUpper ? upper[index] : lower[index]
            output[index] = setPoint
            totalKW += setPoint
            totalCost += setPoint * (linearCost[index] + 0.5 * quadraticCost[index] * setPoint)
        }
        return DispatchResult(
            status: atUpper ? .shortOfTarget : .excessOverTarget,
            marginalCostPerKWh: count > 0 ? marginalCost : .nan,
            dispatchedKW: totalKW, totalCostPerHour: totalCost, shortfallKW: targetKW - totalKW
        )
    }
}
