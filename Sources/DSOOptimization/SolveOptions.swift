/// How long and how exactly to solve. The defaults suit the planner: 30 s is far above a day-ahead plan's
/// solve time, and a 1e-6 relative gap makes CBC's answer optimal for any price precision that matters.
public struct SolveOptions: Sendable {
    /// Wall-clock limit for the solve (CLP and CBC); a stop on it is reported as `.stopped`.
    public var timeLimitSeconds = 30.0
    /// MILP only: CBC stops when (best − bound) / |best| is at most this.
    public var relativeGap = 1e-6
    /// LP only: how CLP starts. `automatic` lets CLP choose (presolve, then dual or primal simplex); `barrier`
    /// (interior point, then crossover to a basis, so duals stay exact) is faster on large, sparse
    /// multi-period models such as a day of quarter-hours for hundreds of resources.
    public var lpMethod = LPMethod.automatic

    /// The LP algorithms CLP offers through its C interface.
    public enum LPMethod: Sendable, Hashable {
        case automatic, dualSimplex, primalSimplex, barrier
    }

    /// LP only: the basis of an earlier solve of a model with the same rows and columns; ignored (a cold start)
    /// when the shape differs.
    public var warmStart: WarmStartBasis?

    /// COIN-OR's own log level: 0 prints nothing; 1 and above print the solvers' progress on stdout.
    public var logLevel = 0

    public init() {}

    /// Throws when an option is not a usable number.
    func validate() throws(OptimizationError) {
        guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else {
            throw OptimizationError("solve options: time limit \(timeLimitSeconds) s is not a finite number > 0")
        }
        guard relativeGap.isFinite, relativeGap >= 0 else {
            throw OptimizationError("solve options: relative gap \(relativeGap) is not a finite number ≥ 0")
        }
        guard logLevel >= 0 else {
            throw OptimizationError("solve options: log level \(logLevel) is negative")
        }
    }
}
