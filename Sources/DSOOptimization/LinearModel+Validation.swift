extension LinearModel {
    /// Checks finite coefficients/costs, lower ≤ upper, names unique — throws OptimizationError naming the
    /// variable or constraint and the value.
    ///
    /// Also: bounds are not NaN, a lower bound is not +∞ nor an upper bound −∞, an integer variable's bounds hold
    /// an integer, and every row refers to a variable of this model. CLP and CBC would otherwise take such a model
    /// and answer something (NaN objectives, "infeasible") far from the mistake.
    public func validate() throws(OptimizationError) {
        var variableNames: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            let what = "variable '\(column.name)' (#\(index))"
            if let first = variableNames.updateValue(index, forKey: column.name) {
                throw OptimizationError("duplicate variable name '\(column.name)': #\(first) and #\(index)")
            }
            guard column.cost.isFinite else { throw OptimizationError("\(what): cost \(column.cost) is not finite") }
            try Self.checkBounds(lower: column.lower, upper: column.upper, of: what)
            if column.isInteger, (column.lower.rounded(.up)) > column.upper {
                throw OptimizationError("\(what): integer, but no integer lies in [\(column.lower), \(column.upper)]")
            }
        }
        var constraintNames: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            let what = "constraint '\(row.name)' (#\(index), group '\(row.group)')"
            if let first = constraintNames.updateValue(index, forKey: row.name) {
                throw OptimizationError("duplicate constraint name '\(row.name)': #\(first) and #\(index)")
            }
            try Self.checkBounds(lower: row.lower, upper: row.upper, of: what)
            for (variable, coefficient) in zip(row.variables, row.coefficients) {
                guard columns.indices.contains(variable) else {
                    throw OptimizationError("\(what): refers to variable #\(variable), the model has \(columns.count)")
                }
                guard coefficient.isFinite else {
                    throw OptimizationError("\(what): coefficient of '\(columns[variable].name)' is \(coefficient)")
                }
            }
        }
    }

    private static func checkBounds(lower: Double, upper: Double, of what: String) throws(OptimizationError) {
        guard !lower.isNaN, !upper.isNaN else {
            throw OptimizationError("\(what): bounds [\(lower), \(upper)] are not numbers")
        }
        guard lower < .infinity else { throw OptimizationError("\(what): lower bound is +inf") }
        guard upper > -.infinity else { throw OptimizationError("\(what): upper bound is -inf") }
        guard lower <= upper else {
            throw OptimizationError("\(what): lower bound \(lower) is above upper bound \(upper)")
        }
    }
}
