extension DispatchPasses {
    /// Settles every undecided resource whose breakpoints all lie outside the bracket, compacts the rest,
    /// and (when `gather` is set) copies their in-bracket breakpoints out for the next median pivot.
    /// Returns how many breakpoints were gathered.
    func narrow(_ bracket: inout DispatchBracket, gather: Bool) -> Int {
        let low = bracket.lowCost, high = bracket.highCost
        var kept = 0
        var gathered = 0
        var settledKW = bracket.settledKW
        var interiorSlope = bracket.interiorSlope
        var interiorOffset = bracket.interiorOffset
        // Branch-free: every entry is written at `kept` (never ahead of the read position) and the counts
        // advance by the predicates, because settling is data-dependent and would mispredict.
        for position in 0..<bracket.undecidedCount {
            let packed = undecided[position]
            let index = Int(packed)
            let atLower = costAtLower[index], atUpper = costAtUpper[index]
            let inverse = inverseQuadraticCost[index]
            let atUpperLimit = atUpper <= low
            let atLowerLimit = atLower >= high
            // Only a quadratic resource can span the bracket: a linear one has atLower == atUpper.
            let inside = atLower <= low && atUpper >= high
            settledKW += atUpperLimit ? upper[index] : 0
            settledKW += atLowerLimit ? lower[index] : 0
            interiorSlope += inside ? inverse : 0
            interiorOffset += inside ? linearCost[index] * inverse : 0
            let keep = !(atUpperLimit || atLowerLimit || inside)
            undecided[kept] = packed
            kept &+= keep ? 1 : 0
            if gather {
                // At least one breakpoint of a kept resource is strictly inside (low, high); a linear
                // resource has only one. The buffer holds two per resource, so the writes stay in range.
                breakpoints[gathered] = atLower
                gathered &+= keep && atLower > low ? 1 : 0
                breakpoints[gathered] = atUpper
                gathered &+= keep && inverse > 0 && atUpper < high ? 1 : 0
            }
        }
        bracket.undecidedCount = kept
        bracket.settledKW = settledKW
        bracket.interiorSlope = interiorSlope
        bracket.interiorOffset = interiorOffset
        return gathered
    }
}
