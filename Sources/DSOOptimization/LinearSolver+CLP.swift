internal import CClp

extension LinearSolver {
    /// An LP through CLP's C interface: load (column-major), direction, time limit, `Clp_initialSolve` (CLP picks
    /// dual or primal simplex and presolves), then Clp_status with the proven-optimal check on top.
    static func runCLP(_ problem: ColumnMajorProblem, options: SolveOptions) -> SolverRun {
        guard let clp = Clp_newModel() else { return .abandoned("clp: Clp_newModel failed", problem) }
        defer { Clp_deleteModel(clp) }
        Clp_setLogLevel(clp, Int32(clamping: options.logLevel))
        problem.load(into: clp, with: Clp_loadProblem)
        Clp_setOptimizationDirection(clp, problem.maximise ? -1 : 1)
        Clp_setMaximumSeconds(clp, options.timeLimitSeconds)
        if let basis = options.warmStart, basis.rows == problem.rowCount, basis.columns == problem.columnCount {
            // Only bounds or costs changed: the dual simplex from the old basis (ClpSimplex keeps columns, then rows).
            basis.statuses.withUnsafeBufferPointer { Clp_copyinStatus(clp, $0.baseAddress) }
            _ = Clp_dual(clp, 0)
        } else {
            switch options.lpMethod {
            case .automatic: _ = Clp_initialSolve(clp)
            case .dualSimplex: _ = Clp_initialDualSolve(clp)
            case .primalSimplex: _ = Clp_initialPrimalSolve(clp)
            case .barrier: _ = Clp_initialBarrierSolve(clp)
            }
        }

        let outcome: SolverRun.Outcome
        switch Clp_status(clp) {
        case 0 where Clp_isProvenOptimal(clp) != 0: outcome = .optimal
        case 0: outcome = .stopped("clp: finished without proving optimality")
        case 1: outcome = .infeasible
        case 2: outcome = .unbounded
        case 3 where Clp_isIterationLimitReached(clp) != 0: outcome = .stopped("clp: iteration limit reached")
        case 3: outcome = .stopped("clp: time limit of \(options.timeLimitSeconds) s reached")
        case 4: outcome = .stopped("clp: abandoned on numerical difficulties")
        case let status: outcome = .stopped("clp: stopped with status \(status)")
        }
        let optimal = outcome == .optimal
        return SolverRun(
            outcome: outcome,
            hasFeasiblePoint: optimal,
            values: copied(Clp_getColSolution(clp), count: problem.columnCount),
            rowActivities: copied(Clp_getRowActivity(clp), count: problem.rowCount),
            rowDuals: optimal ? copied(Clp_getRowPrice(clp), count: problem.rowCount) : nil,
            basis: optimal && Clp_statusExists(clp) != 0
                ? WarmStartBasis(statuses: Array(UnsafeBufferPointer(start: Clp_statusArray(clp), count: problem.rowCount + problem.columnCount)),
                                 rows: problem.rowCount, columns: problem.columnCount)
                : nil)
    }
}
