import DSODispatch

/// One interface point's resources in struct-of-arrays form, as the kernel stores them.
struct DispatchInstance {
    var lower: [Double] = []
    var upper: [Double] = []
    var linearCost: [Double] = []
    var quadraticCost: [Double] = []
    var targetKW = 0.0

    var count: Int { lower.count }

    mutating func append(lower lo: Double, upper hi: Double, linear a: Double, quadratic b: Double = 0) {
        lower.append(lo)
        upper.append(hi)
        linearCost.append(a)
        quadraticCost.append(b)
    }

    /// Σ (a·p + ½·b·p²) of a dispatch.
    func cost(of output: [Double]) -> Double {
        var total = 0.0
        for i in 0..<count { total += linearCost[i] * output[i] + 0.5 * quadraticCost[i] * output[i] * output[i] }
        return total
    }

    /// Σ |a·p| + ½·b·p²: the size of the cost's terms, for relative comparisons that survive cancellation.
    func costScale(of output: [Double]) -> Double {
        var total = 0.0
        for i in 0..<count { total += abs(linearCost[i] * output[i]) + 0.5 * quadraticCost[i] * output[i] * output[i] }
        return max(1, total)
    }

    /// Solves with `solver` and returns the result and the dispatch.
    func solve(with solver: inout EconomicDispatchSolver) -> (result: DispatchResult, output: [Double]) {
        var output = [Double](repeating: .infinity, count: count)
        let result = lower.withUnsafeBufferPointer { lo in
            upper.withUnsafeBufferPointer { hi in
                linearCost.withUnsafeBufferPointer { a in
                    quadraticCost.withUnsafeBufferPointer { b in
                        output.withUnsafeMutableBufferPointer { out in
                            solver.solve(
                                lower: lo, upper: hi, linearCost: a, quadraticCost: b,
                                targetKW: targetKW, output: out
                            )
                        }
                    }
                }
            }
        }
        return (result, output)
    }

    /// Solves with a fresh (cold) solver sized for this instance.
    func solve() -> (result: DispatchResult, output: [Double]) {
        var solver = EconomicDispatchSolver(maximumResourceCount: count)
        return solve(with: &solver)
    }
}
