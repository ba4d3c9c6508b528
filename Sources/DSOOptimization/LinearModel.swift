/// A linear or mixed-integer programme as the planner writes it: named variables with bounds, costs and
/// integrality, named ranged rows that each belong to a group, and an objective sense. It is plain data (a value
/// type, Sendable), so a plan can be built on one task and solved on another; `LinearSolver` hands it to CLP or
/// CBC, and `mps()` writes it for any other solver.
///
/// Building never fails: bad numbers and repeated names are found by `validate()`, which `LinearSolver.solve`
/// runs first, so one error can name the variable or constraint and the value at fault.
public struct LinearModel: Sendable {
    public enum Sense: Sendable { case minimise, maximise }

    /// A handle on a column of this model (its index, in the order added).
    public struct Variable: Hashable, Sendable {
        public let index: Int
    }

    /// A handle on a row of this model (its index, in the order added).
    public struct Constraint: Hashable, Sendable {
        public let index: Int
    }

    struct Column: Sendable {
        var name: String
        var lower: Double
        var upper: Double
        var cost: Double
        var isInteger: Bool
    }

    /// A row's nonzero terms, one per variable (repeats summed when added), in first-mention order.
    struct Row: Sendable {
        var name: String
        var group: String
        var variables: [Int]
        var coefficients: [Double]
        var lower: Double
        var upper: Double
    }

    public var name: String
    public var sense: Sense
    private(set) var columns: [Column] = []
    private(set) var rows: [Row] = []

    public init(name: String, sense: Sense = .minimise) {
        self.name = name
        self.sense = sense
    }

    /// Adds a column; `lower` may be -.infinity and `upper` .infinity (a free variable has both).
    @discardableResult
    public mutating func addVariable(
        _ name: String, lower: Double = 0, upper: Double = .infinity, cost: Double = 0, isInteger: Bool = false
    ) -> Variable {
        columns.append(Column(name: name, lower: lower, upper: upper, cost: cost, isInteger: isInteger))
        return Variable(index: columns.count - 1)
    }

    /// A ranged row lower ≤ Σ coefficient·variable ≤ upper (either side may be infinite); `group` names the family of
    /// rows it belongs to ("soc-balance", "interface-limit", …) for infeasibility reports. Repeated variables in
    /// `terms` are summed.
    @discardableResult
    public mutating func addConstraint(
        _ name: String, group: String, terms: [(Variable, Double)], lower: Double, upper: Double
    ) -> Constraint {
        // Short rows (most of a plan's) look repeats up by a scan; long ones by a dictionary.
        let short = terms.count <= 16
        var position: [Int: Int] = [:]
        var variables: [Int] = []
        var coefficients: [Double] = []
        variables.reserveCapacity(terms.count)
        coefficients.reserveCapacity(terms.count)
        for (variable, coefficient) in terms {
            if let at = short ? variables.firstIndex(of: variable.index) : position[variable.index] {
                coefficients[at] += coefficient
            } else {
                if !short { position[variable.index] = variables.count }
                variables.append(variable.index)
                coefficients.append(coefficient)
            }
        }
        rows.append(Row(name: name, group: group, variables: variables, coefficients: coefficients, lower: lower, upper: upper))
        return Constraint(index: rows.count - 1)
    }

    /// Σ coefficient·variable = rhs.
    @discardableResult
    public mutating func equal(_ name: String, group: String, terms: [(Variable, Double)], rhs: Double) -> Constraint {
        addConstraint(name, group: group, terms: terms, lower: rhs, upper: rhs)
    }

    /// Σ coefficient·variable ≤ rhs.
    @discardableResult
    public mutating func lessOrEqual(_ name: String, group: String, terms: [(Variable, Double)], rhs: Double) -> Constraint {
        addConstraint(name, group: group, terms: terms, lower: -.infinity, upper: rhs)
    }

    /// Σ coefficient·variable ≥ rhs.
    @discardableResult
    public mutating func greaterOrEqual(_ name: String, group: String, terms: [(Variable, Double)], rhs: Double) -> Constraint {
        addConstraint(name, group: group, terms: terms, lower: rhs, upper: .infinity)
    }

    public mutating func setCost(_ variable: Variable, _ cost: Double) {
        columns[variable.index].cost = cost
    }

    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        columns[variable.index].lower = lower
        columns[variable.index].upper = upper
    }

    public var variableCount: Int { columns.count }
    public var constraintCount: Int { rows.count }
    /// True when any variable is integer: such a model goes to CBC and has no duals.
    public var isMixedInteger: Bool { columns.contains { $0.isInteger } }

    public func variableName(_ v: Variable) -> String { columns[v.index].name }
    public func constraintName(_ c: Constraint) -> String { rows[c.index].name }
    public func group(of c: Constraint) -> String { rows[c.index].group }

    // MARK: reading the model back (additions to the planner's API)

    public func cost(of v: Variable) -> Double { columns[v.index].cost }
    public func bounds(of v: Variable) -> (lower: Double, upper: Double) { (columns[v.index].lower, columns[v.index].upper) }
    public func isInteger(_ v: Variable) -> Bool { columns[v.index].isInteger }
    public func bounds(of c: Constraint) -> (lower: Double, upper: Double) { (rows[c.index].lower, rows[c.index].upper) }
    /// The row's terms, one per variable (repeats summed), in the order first mentioned.
    public func terms(of c: Constraint) -> [(Variable, Double)] {
        let row = rows[c.index]
        return zip(row.variables, row.coefficients).map { (Variable(index: $0), $1) }
    }

    /// Σ cost·value for `values` by variable index, in the model's sense (what a maximisation earns).
    public func objective(at values: [Double]) -> Double {
        zip(columns, values).reduce(0) { $0 + $1.0.cost * $1.1 }
    }
}
