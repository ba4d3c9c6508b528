import DSOOptimization
import OpenDSOTestSupport

/// Seeded random models that are feasible and bounded by construction, for the HiGHS cross-check.
///
/// Feasible: a point x₀ is drawn inside every variable's bounds (integer where the variable is), and each row's
/// bounds are set around its activity at x₀ (equal, one side, ranged, or free). Bounded: the costs are c = Aᵀy + d
/// with row duals y and reduced costs d of the signs a minimisation's optimum allows (y ≥ 0 on ≥ rows, ≤ 0 on ≤
/// rows; d = 0 on free variables, ≥ 0 where only a lower bound is finite, ≤ 0 where only an upper one is), so the
/// dual is feasible and the LP relaxation has an optimum. A maximisation negates those costs.
///
/// Names are paired so that MPS-safing collides them ("p 0" and "p_0"), and some rows carry spaces and `$`.
enum RandomModels {
    /// `relaxed`: the same model (same random draws) with every variable continuous, its LP relaxation.
    static func model(
        seed: UInt64, variables: Int, rows: Int, integerShare: Double, sense: LinearModel.Sense, relaxed: Bool = false
    ) -> LinearModel {
        var random = SeededGenerator(seed: seed)
        var model = LinearModel(name: "random \(seed)", sense: sense)

        enum BoundKind: CaseIterable { case boxed, free, lowerOnly, upperOnly, fixed }
        var kinds: [BoundKind] = []
        var point: [Double] = []
        var handles: [LinearModel.Variable] = []
        for j in 0..<variables {
            let integer = Double.random(in: 0..<1, using: &random) < integerShare
            var kind = [BoundKind.boxed, .boxed, .free, .lowerOnly, .upperOnly, .fixed].randomElement(using: &random)!
            if integer, kind == .free { kind = .boxed }
            let value = integer ? Double(Int.random(in: -3...6, using: &random)) : round3(.random(in: -5...5, using: &random))
            let below = integer ? Double(Int.random(in: 0...3, using: &random)) : round3(.random(in: 0...4, using: &random))
            let above = integer ? Double(Int.random(in: 0...3, using: &random)) : round3(.random(in: 0...4, using: &random))
            let (lower, upper): (Double, Double) = switch kind {
            case .boxed: (value - below, value + above)
            case .free: (-.infinity, .infinity)
            case .lowerOnly: (value - below, .infinity)
            case .upperOnly: (-.infinity, value + above)
            case .fixed: (value, value)
            }
            let name = j % 2 == 0 ? "p \(j / 2)" : "p_\(j / 2)"
            handles.append(model.addVariable(name, lower: lower, upper: upper, isInteger: integer && !relaxed))
            kinds.append(kind)
            point.append(value)
        }

        var reducedCosts = kinds.map { kind -> Double in
            switch kind {
            case .boxed, .fixed: round3(.random(in: -3...3, using: &random))
            case .free: 0
            case .lowerOnly: round3(.random(in: 0...3, using: &random))
            case .upperOnly: round3(.random(in: -3...0, using: &random))
            }
        }
        for i in 0..<rows {
            var terms: [(LinearModel.Variable, Double)] = []
            for j in 0..<variables where Double.random(in: 0..<1, using: &random) < 0.3 || terms.isEmpty && j == variables - 1 {
                terms.append((handles[j], round3(.random(in: -4...4, using: &random))))
            }
            let activity = terms.reduce(0) { $0 + $1.1 * point[$1.0.index] }
            let slack = { round3(.random(in: 0...3, using: &random)) }
            let dual: Double
            let name = i % 5 == 0 ? "row $\(i) with spaces" : "row_\(i)"
            let group = "group \(i % 4)"
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<2:
                model.equal(name, group: group, terms: terms, rhs: activity)
                dual = round3(.random(in: -2...2, using: &random))
            case 2..<4:
                model.lessOrEqual(name, group: group, terms: terms, rhs: activity + slack())
                dual = round3(.random(in: -2...0, using: &random))
            case 4..<6:
                model.greaterOrEqual(name, group: group, terms: terms, rhs: activity - slack())
                dual = round3(.random(in: 0...2, using: &random))
            case 6..<9:
                model.addConstraint(name, group: group, terms: terms, lower: activity - slack(), upper: activity + slack())
                dual = round3(.random(in: -2...2, using: &random))
            default:
                model.addConstraint(name, group: group, terms: terms, lower: -.infinity, upper: .infinity)
                dual = 0
            }
            for (variable, coefficient) in terms { reducedCosts[variable.index] += coefficient * dual }
        }
        for (j, cost) in reducedCosts.enumerated() {
            model.setCost(handles[j], sense == .minimise ? cost : -cost)
        }
        return model
    }

    private static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
