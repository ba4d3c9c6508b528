extension DispatchPasses {
    /// The whole solve: validate, settle infeasible targets, search λ*, then write the dispatch.
    func solve(targetKW: Double, warmStartCost: Double) -> DispatchResult {
        guard targetKW.isFinite else {
            writeSafeOutput()
            return .rejected(.invalidTarget, targetKW: targetKW)
        }
        let totals = prepare()
        if let index = totals.invalidIndex {
            writeSafeOutput()
            return .rejected(.invalidResource(index: index), targetKW: targetKW)
        }
        if targetKW > totals.upperSumKW {
            return assignAll(atUpper: true, targetKW: targetKW, marginalCost: totals.highestCostAtUpper)
        }
        if targetKW < totals.lowerSumKW {
            return assignAll(atUpper: false, targetKW: targetKW, marginalCost: totals.lowestCostAtLower)
        }
        var bracket = DispatchBracket()
        bracket.settledKW = totals.fixedKW
        bracket.undecidedCount = totals.undecidedCount
        let cost = clearingCost(targetKW: targetKW, warmStartCost: warmStartCost, bracket: &bracket)
        return assign(marginalCost: cost, targetKW: targetKW)
    }

    /// The median of an evenly strided sample of the gathered breakpoints: close enough to the true
    /// median to settle a large share of the resources per pass, at a fraction of a full selection.
    func samplePivot(_ count: Int) -> Double {
        let sampleSize = min(count, 63)
        let stride = count / sampleSize
        for k in 0..<sampleSize { breakpoints.swapAt(k, k * stride) }
        return selectRank(sampleSize / 2, in: breakpoints, count: sampleSize)
    }

    /// Brackets λ* by pivots until it is a pivot or no breakpoint is left inside the bracket.
    ///
    /// Pivots are the previous λ and one Newton step from it (warm start), then sampled medians
    /// of the in-bracket breakpoints, so each pivot settles about half the breakpoints left to consider.
    func clearingCost(targetKW: Double, warmStartCost: Double, bracket: inout DispatchBracket) -> Double {
        var nextPivot = Double.nan
        var warmPivotsLeft = 0
        var gathered = 0
        if warmStartCost.isFinite {
            nextPivot = warmStartCost
            warmPivotsLeft = 2
        } else {
            gathered = narrow(&bracket, gather: true)
        }
        while bracket.undecidedCount > 0 {
            // Every undecided resource has a breakpoint inside the bracket, so `gathered` is 0 only
            // before a warm pivot; the guard keeps a broken invariant from ever spinning.
            guard gathered > 0 || nextPivot.isFinite else { break }
            let pivot = nextPivot.isFinite ? nextPivot : samplePivot(gathered)
            nextPivot = .nan
            let trial = evaluate(at: pivot, bracket)
            let reachedKW: Double
            if trial.kwFromAbove < targetKW {
                bracket.lowCost = pivot
                reachedKW = trial.kwFromAbove
            } else if trial.kwFromBelow > targetKW {
                bracket.highCost = pivot
                reachedKW = trial.kwFromBelow
            } else {
                return pivot
            }
            if warmPivotsLeft > 1, trial.slope > 0 {
                // Exact when no breakpoint lies between the pivot and λ*, which is the per-cycle case.
                let newton = pivot + (targetKW - reachedKW) / trial.slope
                if newton > bracket.lowCost && newton < bracket.highCost {
                    warmPivotsLeft -= 1
                    nextPivot = newton
                    continue
                }
            }
            warmPivotsLeft = 0
            gathered = narrow(&bracket, gather: true)
        }
        return bracket.closingCost(targetKW: targetKW)
    }
}
