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
        // Written as selects rather than branches: which resources are linear, and which side of the
        // pivot they fall on, is data-dependent and would mispredict on every other resource.
        for position in 0..<bracket.undecidedCount {
            let index = Int(undecided[position])
            let lo = lower[index], hi = upper[index]
            let inverse = inverseQuadraticCost[index]
            let price = costAtLower[index]
            let quadratic = min(max((cost - linearCost[index]) * inverse, lo), hi)
            let linear = price < cost ? hi : lo
            let setPoint = inverse > 0 ? quadratic : linear
            total += setPoint
            slope += setPoint > lo && setPoint < hi ? inverse : 0
            tieRangeKW += inverse == 0 && price == cost ? hi - lo : 0
        }
        return DispatchEvaluation(kwFromBelow: total, kwFromAbove: total + tieRangeKW, slope: slope)
    }
}
