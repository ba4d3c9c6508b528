/// An obviously-correct, slow reference: sort every breakpoint, binary-search the one where the total
/// output crosses the target, and interpolate linearly between neighbours (the total is affine there).
enum ReferenceDispatch {
    /// Set-point of resource `i` at incremental cost λ, with linear resources priced at λ at `tieShare`
    /// of their range (0 = lower limit, 1 = upper limit).
    static func setPoint(_ i: Int, of instance: DispatchInstance, at cost: Double, tieShare: Double) -> Double {
        let lo = instance.lower[i], hi = instance.upper[i]
        let a = instance.linearCost[i], b = instance.quadraticCost[i]
        if lo == hi { return lo }
        if b > 0 { return min(max((cost - a) / b, lo), hi) }
        if a < cost { return hi }
        if a > cost { return lo }
        return lo + tieShare * (hi - lo)
    }

    static func total(_ instance: DispatchInstance, at cost: Double, tieShare: Double) -> Double {
        (0..<instance.count).reduce(0) { $0 + setPoint($1, of: instance, at: cost, tieShare: tieShare) }
    }

    /// The least-cost dispatch of a feasible instance and its clearing cost.
    static func solve(_ instance: DispatchInstance) -> (output: [Double], marginalCost: Double) {
        var breakpoints: [Double] = []
        for i in 0..<instance.count where instance.lower[i] < instance.upper[i] {
            let a = instance.linearCost[i], b = instance.quadraticCost[i]
            breakpoints.append(a + b * instance.lower[i])
            if b > 0 { breakpoints.append(a + b * instance.upper[i]) }
        }
        breakpoints.sort()
        let target = instance.targetKW
        guard !breakpoints.isEmpty else { return (instance.lower, 0) }
        // Smallest k with total-from-above(B[k]) ≥ target.
        var lowIndex = 0, highIndex = breakpoints.count - 1
        while lowIndex < highIndex {
            let middle = (lowIndex + highIndex) / 2
            if total(instance, at: breakpoints[middle], tieShare: 1) >= target { highIndex = middle } else { lowIndex = middle + 1 }
        }
        let k = lowIndex
        var cost = breakpoints[k]
        var share = 0.0
        let below = total(instance, at: cost, tieShare: 0)
        let above = total(instance, at: cost, tieShare: 1)
        if below <= target || k == 0 {
            share = above > below ? min(max((target - below) / (above - below), 0), 1) : 0
        } else {
            let left = breakpoints[k - 1]
            let atLeft = total(instance, at: left, tieShare: 1)
            cost = left + (target - atLeft) / (below - atLeft) * (cost - left)
        }
        let output = (0..<instance.count).map { setPoint($0, of: instance, at: cost, tieShare: share) }
        return (output, cost)
    }
}
