/// What one CLP or CBC run of a `ColumnMajorProblem` returned, before `LinearSolver` puts the model's view on it
/// (objective in the model's sense, diagnosis of an infeasible model).
struct SolverRun {
    enum Outcome: Equatable {
        case optimal
        case infeasible
        case unbounded
        case stopped(String)
    }

    var outcome: Outcome
    var hasFeasiblePoint: Bool
    var values: [Double]
    var rowActivities: [Double]
    var rowDuals: [Double]?
    var bestBound: Double?
    /// CLP's basis at the end (column statuses, then row statuses), for a warm start of a model of the same shape.
    var basis: WarmStartBasis?

    /// A run that could not start (the solver would not create a model): NaN everywhere.
    static func abandoned(_ why: String, _ problem: ColumnMajorProblem) -> SolverRun {
        SolverRun(
            outcome: .stopped(why), hasFeasiblePoint: false,
            values: Array(repeating: .nan, count: problem.columnCount),
            rowActivities: Array(repeating: .nan, count: problem.rowCount))
    }
}

extension ColumnMajorProblem {
    /// A·x for the rows, from the columns.
    func rowActivities(_ values: [Double]) -> [Double] {
        var activities = [Double](repeating: 0, count: rowCount)
        for column in 0..<columnCount {
            for k in Int(starts[column])..<Int(starts[column + 1]) {
                activities[Int(rowIndices[k])] += elements[k] * values[column]
            }
        }
        return activities
    }
}

/// `count` doubles copied out of a solver's array (which dies with its model); NaN when the solver has none.
func copied(_ pointer: UnsafePointer<Double>?, count: Int) -> [Double] {
    guard let pointer else { return Array(repeating: .nan, count: count) }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
}
