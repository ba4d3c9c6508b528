/// What the breakpoint search knows about λ* so far, and what it has already settled.
///
/// λ* lies strictly inside (lowCost, highCost). Resources whose breakpoints all fall outside that open
/// interval no longer depend on λ: they are folded into `settledKW` (at a limit) or into the affine
/// interior term `interiorSlope·λ − interiorOffset` (strictly between limits for every λ in the bracket).
struct DispatchBracket {
    /// λ* is known to be above this ($/kWh).
    var lowCost = -Double.infinity
    /// λ* is known to be below this ($/kWh).
    var highCost = Double.infinity
    /// Output of resources fixed at a limit (kW).
    var settledKW = 0.0
    /// Σ 1/b over resources known to be inside their limits (kW per $/kWh).
    var interiorSlope = 0.0
    /// Σ a/b over the same resources (kW).
    var interiorOffset = 0.0
    /// How many leading entries of the workspace's `undecided` list are live.
    var undecidedCount = 0

    /// Output of the settled and interior resources at incremental cost λ (kW).
    func decidedKW(at cost: Double) -> Double {
        settledKW + (interiorSlope * cost - interiorOffset)
    }

    /// The λ at which the decided resources alone meet `targetKW`, clamped into the bracket;
    /// exact once no breakpoint is left inside the bracket, because the total is then affine in λ.
    func closingCost(targetKW: Double) -> Double {
        if interiorSlope > 0 {
            let cost = (targetKW - settledKW + interiorOffset) / interiorSlope
            if cost.isFinite { return min(max(cost, lowCost), highCost) }
        }
        // Flat total: any λ in the bracket serves; prefer a finite end (the last pivot).
        if lowCost.isFinite { return lowCost }
        if highCost.isFinite { return highCost }
        return 0
    }
}
