/// Total output at one trial λ, as the limits from below and above (linear resources priced exactly
/// at λ may sit anywhere in their range), and the local slope for a Newton step.
struct DispatchEvaluation {
    /// Total output with linear resources priced at λ at their lower limits (kW).
    var kwFromBelow: Double
    /// Total output with those resources at their upper limits (kW).
    var kwFromAbove: Double
    /// d(total)/dλ just around λ, counting quadratic resources strictly inside their limits.
    var slope: Double
}

extension DispatchPasses {
    /// Total output at incremental cost `cost`: the decided part in closed form plus one pass over the
    /// undecided resources.
    func evaluate(at cost: Double, _ bracket: DispatchBracket) -> DispatchEvaluation {
        var total = bracket.decidedKW(at: cost)
        var tieRangeKW = 0.0
        var slope = bracket.interiorSlope
        for position in 0..<bracket.undecidedCount {
            let index = Int(undecided[position])
            let lo = lower[index], hi = upper[index]
            let inverse = inverseQuadraticCost[index]
            if inverse > 0 {
                let setPoint = min(max((cost - linearCost[index]) * inverse, lo), hi)
                total += setPoint
                if setPoint > lo && setPoint < hi { slope += inverse }
            } else {
                let price = costAtLower[index]
                if price < cost {
                    total += hi
                } else {
                    total += lo
                    if price == cost { tieRangeKW += hi - lo }
                }
            }
        }
        return DispatchEvaluation(kwFromBelow: total, kwFromAbove: total + tieRangeKW, slope: slope)
    }
}
