/// What a solve found, in the model's terms: status, objective in the model's own sense, primal values by
/// variable index, row activities, and for an LP the row duals.
///
/// Dual sign convention: `dual(c)` is ∂objective/∂(the row's binding bound), the objective in the model's own
/// sense. In a minimisation a binding `≤` row has dual ≤ 0 (more room lowers the cost) and a binding `≥` row
/// dual ≥ 0; in a maximisation the signs flip (a binding `≤` row's dual ≥ 0 is what one more unit earns). An
/// energy balance Σ supply = demand in a cost minimisation has dual = the marginal price. A row with no binding
/// side has dual 0. This is CLP's row price as it comes (CLP reports it in the direction it was asked for).
///
/// When the status is not `.optimal`: `.infeasible` carries the point of least total violation found by the
/// elastic re-solve (objective NaN, no duals); `.unbounded` the solver's last iterate (objective ±∞); `.stopped`
/// the best feasible point when there is one (`hasFeasiblePoint`), else the solver's last iterate and NaN.
public struct LinearSolution: Sendable {
    public enum Status: Sendable, Hashable {
        case optimal
        /// The groups of the rows an elastic re-solve had to violate (each with its total violation), so the
        /// caller knows which family of constraints conflict.
        case infeasible(groups: [String: Double])
        case unbounded
        /// Time limit or gap stop with a feasible point (MILP), or abandoned: the text says which.
        case stopped(String)
    }

    public var status: Status
    /// Σ cost·value in the model's sense (what a maximisation earns).
    public var objective: Double
    /// Primal values, by variable index.
    public var values: [Double]
    /// LP only (CLP row prices), ∂objective/∂bound as documented on the type; nil for a MILP.
    public var rowDuals: [Double]?
    /// Σ coefficient·value of each row, by constraint index.
    public var rowActivities: [Double]
    /// "clp" or "cbc".
    public var solver: String
    /// Wall-clock time of the whole solve, diagnosis included.
    public var seconds: Double
    /// True when `values` satisfy every row and bound (within the solver's tolerance): always for `.optimal`, and
    /// for `.stopped` when CBC had found an integer solution before the stop.
    public var hasFeasiblePoint: Bool
    /// MILP: CBC's best possible objective (the bound the gap is measured against), in the model's sense.
    public var bestBound: Double?
    /// LP: the basis CLP ended with, to warm-start the next solve of a model of the same shape (`SolveOptions.warmStart`).
    public var basis: WarmStartBasis?

    public subscript(_ variable: LinearModel.Variable) -> Double { values[variable.index] }

    public func dual(_ constraint: LinearModel.Constraint) -> Double? { rowDuals?[constraint.index] }

    /// The value of `constraint`'s Σ coefficient·variable.
    public func activity(_ constraint: LinearModel.Constraint) -> Double { rowActivities[constraint.index] }
}
