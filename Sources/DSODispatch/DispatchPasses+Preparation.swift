/// Totals gathered while validating the input; they decide feasibility before any search.
struct DispatchPreparation {
    var lowerSumKW = 0.0
    var upperSumKW = 0.0
    /// Output of resources with lower == upper (kW): they never depend on λ.
    var fixedKW = 0.0
    /// Highest a + b·hi over all resources ($/kWh): the price of the last kW available.
    var highestCostAtUpper = -Double.infinity
    /// Lowest a + b·lo over all resources ($/kWh): the price of the first kW that can be shed.
    var lowestCostAtLower = Double.infinity
    /// First resource with unusable data, if any.
    var invalidIndex: Int?
    /// Resources whose set-point depends on λ.
    var undecidedCount = 0
}

extension DispatchPasses {
    /// Validates every resource and fills the breakpoint tables and the undecided list in one pass.
    func prepare() -> DispatchPreparation {
        var totals = DispatchPreparation()
        var undecidedCount = 0
        for index in 0..<count {
            let lo = lower[index], hi = upper[index]
            let a = linearCost[index], b = quadraticCost[index]
            guard lo.isFinite, hi.isFinite, a.isFinite, b.isFinite, lo <= hi, b >= 0 else {
                totals.invalidIndex = index
                return totals
            }
            var atLower = a + b * lo
            var atUpper = a + b * hi
            guard atLower.isFinite, atUpper.isFinite else {
                totals.invalidIndex = index
                return totals
            }
            totals.lowerSumKW += lo
            totals.upperSumKW += hi
            totals.highestCostAtUpper = max(totals.highestCostAtUpper, atUpper)
            totals.lowestCostAtLower = min(totals.lowestCostAtLower, atLower)
            var inverse = b > 0 ? 1 / b : 0
            if lo == hi {
                totals.fixedKW += lo
                inverse = 0
            } else {
                // A quadratic term too small to separate the two breakpoints in double precision is
                // priced as linear at a; its true cost is still charged in the total.
                if !(atLower < atUpper) || !inverse.isFinite {
                    inverse = 0
                    atLower = a
                    atUpper = a
                }
                undecided[undecidedCount] = Int32(truncatingIfNeeded: index)
                undecidedCount += 1
            }
            costAtLower[index] = atLower
            costAtUpper[index] = atUpper
            inverseQuadraticCost[index] = inverse
        }
        totals.undecidedCount = undecidedCount
        return totals
    }

    /// Leaves each resource at the point of its limits nearest zero (zero if the limits are unusable).
    func writeSafeOutput() {
        for index in 0..<count {
            let lo = lower[index], hi = upper[index]
            output[index] = lo.isFinite && hi.isFinite && lo <= hi ? min(max(0, lo), hi) : 0
        }
    }
}
