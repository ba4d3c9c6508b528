/// Least-cost split of one interface point's target across its resources, exact and allocation-free.
///
/// Solves  min Σ (aᵢ·pᵢ + ½·bᵢ·pᵢ²)  s.t.  loᵢ ≤ pᵢ ≤ hiᵢ,  Σ pᵢ = target  (the equal-incremental-cost rule)
/// by a breakpoint search on the clearing incremental cost λ: each pivot is a sampled median of the breakpoints
/// still inside the bracket, and resources whose set-point no longer depends on λ are settled (variable
/// fixing, after Kiwiel 2008), so a cold solve is expected O(n) and the final λ is computed in closed form,
/// not iterated to a tolerance. A warm start tries the previous cycle's λ and one Newton step from it
/// first, which usually leaves only a handful of resources undecided.
///
/// Linear resources (b = 0) whose price equals λ share the remainder in proportion to their range,
/// so the split is deterministic. The solver is not `@inlinable`: it is not generic and is called once
/// per interface point per cycle, so cross-module specialisation would buy nothing.
public struct EconomicDispatchSolver: @unchecked Sendable {
    // @unchecked Sendable: `workspace` is a non-Sendable class of scratch buffers. It is written only
    // inside the mutating `solve`, which first gives this value a fresh workspace unless it holds the only
    // reference (copy-on-write), so two values — and hence two threads — never write the same buffers.
    private var workspace: DispatchWorkspace

    /// The largest resource count a solve accepts; buffers are sized for it once, at init.
    public let maximumResourceCount: Int

    /// λ to try first ($/kWh); set after every optimal solve, NaN for a cold start.
    /// Set it to `.nan` to force a cold solve (the optimum is the same up to rounding).
    public var warmStartMarginalCostPerKWh: Double = .nan

    /// Allocates scratch for up to `maximumResourceCount` resources (the only allocation the solver makes).
    public init(maximumResourceCount: Int) {
        let capacity = min(max(0, maximumResourceCount), Int(Int32.max))
        self.maximumResourceCount = capacity
        workspace = DispatchWorkspace(capacity: capacity)
    }

    /// Dispatches `targetKW` across the resources and writes each set-point (kW, generation positive)
    /// to `output`. All five buffers must have the same length, at most `maximumResourceCount`.
    ///
    /// Never traps on bad data: invalid input is reported in the result's status and `output` is left at
    /// a safe value (each resource at the point of its limits nearest zero, or zero).
    public mutating func solve(
        lower: UnsafeBufferPointer<Double>,
        upper: UnsafeBufferPointer<Double>,
        linearCost: UnsafeBufferPointer<Double>,
        quadraticCost: UnsafeBufferPointer<Double>,
        targetKW: Double,
        output: UnsafeMutableBufferPointer<Double>
    ) -> DispatchResult {
        let count = lower.count
        guard upper.count == count, linearCost.count == count, quadraticCost.count == count,
              output.count == count, count <= maximumResourceCount
        else {
            output.update(repeating: 0)
            return .rejected(.mismatchedBuffers, targetKW: targetKW)
        }
        if !isKnownUniquelyReferenced(&workspace) {
            workspace = DispatchWorkspace(capacity: maximumResourceCount)
        }
        let passes = DispatchPasses(
            lower: lower, upper: upper, linearCost: linearCost, quadraticCost: quadraticCost,
            output: output, workspace: workspace
        )
        let result = passes.solve(targetKW: targetKW, warmStartCost: warmStartMarginalCostPerKWh)
        if result.status == .optimal {
            warmStartMarginalCostPerKWh = result.marginalCostPerKWh
        }
        return result
    }
}

extension DispatchResult {
    /// A result for input the solver refused to dispatch.
    static func rejected(_ status: DispatchStatus, targetKW: Double) -> DispatchResult {
        DispatchResult(
            status: status, marginalCostPerKWh: .nan, dispatchedKW: 0, totalCostPerHour: 0,
            shortfallKW: targetKW
        )
    }
}
