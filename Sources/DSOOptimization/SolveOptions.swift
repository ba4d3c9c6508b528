/// How long and how exactly to solve. The defaults suit the planner: 30 s is far above a day-ahead plan's
/// solve time, and a 1e-6 relative gap makes CBC's answer optimal for any price precision that matters.
public struct SolveOptions: Sendable {
    /// Wall-clock limit for the solve (CLP and CBC); a stop on it is reported as `.stopped`.
    public var timeLimitSeconds = 30.0
    /// MILP only: CBC stops when (best − bound) / |best| is at most this.
    public var relativeGap = 1e-6
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
