/// Why a model could not be solved as given: a non-finite cost, coefficient or bound, a lower bound above its
/// upper bound, a repeated name, a bad solve option. The text names the variable or constraint and the value,
/// so the planner that built the model can say which resource or interval is at fault.
///
/// Infeasible, unbounded and stopped solves are not errors: they are `LinearSolution.Status` values.
public struct OptimizationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
