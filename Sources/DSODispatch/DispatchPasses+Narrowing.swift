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
        for position in 0..<bracket.undecidedCount {
            let packed = undecided[position]
            let index = Int(packed)
            let atLower = costAtLower[index], atUpper = costAtUpper[index]
            if atUpper <= low {
                settledKW += upper[index]
                continue
            }
            if atLower >= high {
                settledKW += lower[index]
                continue
            }
            let inverse = inverseQuadraticCost[index]
            if inverse > 0 && atLower <= low && atUpper >= high {
                interiorSlope += inverse
                interiorOffset += linearCost[index] * inverse
                continue
            }
            undecided[kept] = packed
            kept += 1
            if gather {
                // At least one breakpoint is strictly inside (low, high); a linear resource has only one.
                if atLower > low {
                    breakpoints[gathered] = atLower
                    gathered += 1
                }
                if inverse > 0 && atUpper < high {
                    breakpoints[gathered] = atUpper
                    gathered += 1
                }
            }
        }
        bracket.undecidedCount = kept
        bracket.settledKW = settledKW
        bracket.interiorSlope = interiorSlope
        bracket.interiorOffset = interiorOffset
        return gathered
    }
}
