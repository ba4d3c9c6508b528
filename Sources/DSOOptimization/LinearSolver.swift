/// Solves a `LinearModel` with COIN-OR: CLP for an LP (with duals), CBC for a MILP. Both are mature, free, in
/// Debian, and reachable through plain C interfaces; nothing here is a hand-written simplex.
///
/// An infeasible model is re-solved elastically (`InfeasibilityDiagnosis`) so the status names the constraint
/// groups in conflict. A model the solver calls unbounded is checked the same way, since CLP's "dual infeasible"
/// does not by itself prove a feasible point exists: with no violation needed it is `.unbounded`, else
/// `.infeasible`.
public enum LinearSolver {
    /// LP → CLP (initial solve; duals), MILP → CBC (time limit, relative gap). Never prints unless logLevel > 0.
    public static func solve(
        _ model: LinearModel, options: SolveOptions = SolveOptions()
    ) throws(OptimizationError) -> LinearSolution {
        try model.validate()
        try options.validate()
        let clock = ContinuousClock()
        let start = clock.now
        let problem = ColumnMajorProblem(model)
        let mixedInteger = model.isMixedInteger
        let run = mixedInteger ? runCBC(problem, options: options) : runCLP(problem, options: options)

        var solution = LinearSolution(
            status: .optimal, objective: model.objective(at: run.values), values: run.values,
            rowDuals: run.rowDuals, rowActivities: run.rowActivities, solver: mixedInteger ? "cbc" : "clp",
            seconds: 0, hasFeasiblePoint: run.hasFeasiblePoint, bestBound: run.bestBound)
        solution.basis = run.basis
        switch run.outcome {
        case .optimal:
            break
        case .stopped(let why):
            solution.status = .stopped(why)
            if !run.hasFeasiblePoint { solution.objective = .nan }
        case .infeasible, .unbounded:
            solution.hasFeasiblePoint = false
            solution.rowDuals = nil
            solution.bestBound = nil
            let finding = InfeasibilityDiagnosis(model: model, problem: problem, options: options).run()
            if run.outcome == .unbounded, finding?.groups.isEmpty ?? true {
                solution.status = .unbounded
                solution.objective = model.sense == .minimise ? -.infinity : .infinity
            } else {
                solution.status = .infeasible(groups: finding?.groups ?? [:])
                solution.objective = .nan
                if let finding {
                    solution.values = finding.values
                    solution.rowActivities = finding.rowActivities
                }
            }
        }
        solution.seconds = (clock.now - start).seconds
        return solution
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
