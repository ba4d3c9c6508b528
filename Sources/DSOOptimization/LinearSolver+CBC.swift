internal import CCbc
import Synchronization

/// CBC 2.10's `Cbc_solve` runs through CbcMain1, which keeps state in statics (coin-or/Cbc#332, #223): two
/// solves at once on different threads can corrupt each other. One at a time, process-wide.
private let cbcSerial = Mutex(())

extension LinearSolver {
    /// A MILP through CBC's C interface: load (column-major), mark the integer columns, sense, time limit and
    /// relative gap, `Cbc_solve`, then the proven-optimal / proven-infeasible / continuous-unbounded checks.
    static func runCBC(_ problem: ColumnMajorProblem, options: SolveOptions) -> SolverRun {
        cbcSerial.withLock { _ in runCBCNow(problem, options: options) }
    }

    private static func runCBCNow(_ problem: ColumnMajorProblem, options: SolveOptions) -> SolverRun {
        guard let cbc = Cbc_newModel() else { return .abandoned("cbc: Cbc_newModel failed", problem) }
        defer { Cbc_deleteModel(cbc) }
        Cbc_setLogLevel(cbc, Int32(clamping: options.logLevel))
        problem.load(into: cbc, with: Cbc_loadProblem)
        for column in problem.integerColumns { Cbc_setInteger(cbc, column) }
        Cbc_setObjSense(cbc, problem.maximise ? -1 : 1)
        Cbc_setMaximumSeconds(cbc, options.timeLimitSeconds)
        Cbc_setAllowableFractionGap(cbc, options.relativeGap)
        _ = Cbc_solve(cbc)

        let incumbent = Cbc_bestSolution(cbc).map { UnsafePointer($0) }
        let values = copied(incumbent ?? Cbc_getColSolution(cbc), count: problem.columnCount)
        let bound = Cbc_getBestPossibleObjValue(cbc)
        let best = Cbc_getObjValue(cbc)
        let gap = abs(best - bound) / max(abs(best), 1e-10)
        let point = incumbent == nil ? "no integer solution" : "best \(best), bound \(bound)"
        let outcome: SolverRun.Outcome
        if Cbc_isProvenOptimal(cbc) != 0 {
            // CBC calls a stop on the allowable gap proven optimal; it is one only when the gap is closed.
            outcome = Cbc_secondaryStatus(cbc) == 2 && gap > 1e-9
                ? .stopped("cbc: stopped on the relative gap \(gap) ≤ \(options.relativeGap) (\(point))")
                : .optimal
        } else if Cbc_isProvenInfeasible(cbc) != 0 {
            outcome = .infeasible
        } else if Cbc_isContinuousUnbounded(cbc) != 0 {
            outcome = .unbounded
        } else if Cbc_isSecondsLimitReached(cbc) != 0 {
            outcome = .stopped("cbc: time limit of \(options.timeLimitSeconds) s reached (\(point))")
        } else if Cbc_isAbandoned(cbc) != 0 {
            outcome = .stopped("cbc: abandoned on numerical difficulties (\(point))")
        } else {
            outcome = .stopped(
                "cbc: stopped with status \(Cbc_status(cbc)), secondary \(Cbc_secondaryStatus(cbc)) (\(point))")
        }
        return SolverRun(
            outcome: outcome,
            hasFeasiblePoint: incumbent != nil && outcome != .infeasible && outcome != .unbounded,
            values: values,
            rowActivities: problem.rowActivities(values),
            rowDuals: nil,
            bestBound: incumbent == nil ? nil : bound)
    }
}
