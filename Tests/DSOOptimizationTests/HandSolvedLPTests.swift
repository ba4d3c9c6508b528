import DSOOptimization
import Testing

/// LPs solved by hand: primal values, objective, and the duals' sign and value under the documented convention
/// (∂objective/∂bound in the model's own sense).
@Suite struct HandSolvedLPTests {
    /// One battery (1 MW, 2 MWh, 1 MWh at the start, 90 % charging efficiency, back to ≥ 1 MWh at the end) and
    /// a 1 MW load over two hours priced 20 and 100 $/MWh, bought from the grid. By hand: charge 1 MW in hour 1
    /// (SOC 1.9), discharge 0.9 MW in hour 2 (SOC back to the 1 MWh target); grid 2 MW then 0.1 MW; cost
    /// 20·2 + 100·0.1 = 50. Duals: each energy balance is the hour's price (20, 100); the terminal target costs
    /// 100 $/MWh (≥ row of a minimisation: ≥ 0); each SOC balance's right-hand side (energy appearing in the
    /// battery) saves 100 $/MWh (−100).
    @Test func batteryArbitrageOverTwoPricesHasHandSolvedScheduleAndMarginalPrices() throws {
        let prices = [20.0, 100.0]
        var model = LinearModel(name: "one battery, two prices")
        var grid: [LinearModel.Variable] = []
        var charge: [LinearModel.Variable] = []
        var discharge: [LinearModel.Variable] = []
        var soc: [LinearModel.Variable] = []
        var balances: [LinearModel.Constraint] = []
        var socBalances: [LinearModel.Constraint] = []
        for t in 0..<2 {
            grid.append(model.addVariable("grid[\(t)]", lower: -.infinity, cost: prices[t]))
            charge.append(model.addVariable("charge[\(t)]", upper: 1))
            discharge.append(model.addVariable("discharge[\(t)]", upper: 1))
            soc.append(model.addVariable("soc[\(t)]", upper: 2))
            balances.append(model.equal(
                "balance[\(t)]", group: "energy-balance",
                terms: [(grid[t], 1), (charge[t], -1), (discharge[t], 1)], rhs: 1))
            // soc[t] − soc[t−1] − 0.9·charge[t] + discharge[t] = 0, with soc[−1] = 1 on the right-hand side
            var terms: [(LinearModel.Variable, Double)] = [(soc[t], 1), (charge[t], -0.9), (discharge[t], 1)]
            if t > 0 { terms.append((soc[t - 1], -1)) }
            socBalances.append(model.equal("soc-balance[\(t)]", group: "soc-balance", terms: terms, rhs: t == 0 ? 1 : 0))
        }
        let target = model.greaterOrEqual("soc-target", group: "soc-target", terms: [(soc[1], 1)], rhs: 1)

        let solution = try LinearSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(solution.solver == "clp")
        #expect(abs(solution.objective - 50) < 1e-9)
        let expected: [(LinearModel.Variable, Double)] = [
            (grid[0], 2), (grid[1], 0.1), (charge[0], 1), (charge[1], 0), (discharge[0], 0), (discharge[1], 0.9),
            (soc[0], 1.9), (soc[1], 1),
        ]
        for (variable, value) in expected {
            let found = solution[variable]
            #expect(abs(found - value) < 1e-9, "\(model.variableName(variable)) = \(found), by hand \(value)")
        }
        let duals: [(LinearModel.Constraint, Double)] = [
            (balances[0], 20), (balances[1], 100), (target, 100), (socBalances[0], -100), (socBalances[1], -100),
        ]
        for (constraint, value) in duals {
            let found = try #require(solution.dual(constraint))
            #expect(abs(found - value) < 1e-9, "dual of \(model.constraintName(constraint)) = \(found), by hand \(value)")
        }
        let targetActivity = solution.activity(target)
        #expect(abs(targetActivity - 1) < 1e-9)
    }

    /// A long row (40 terms, each of 20 variables twice at 0.5) is summed to one term per variable.
    @Test func repeatedTermsOfALongRowAreSummed() throws {
        var model = LinearModel(name: "long row")
        let xs = (0..<20).map { model.addVariable("x\($0)", cost: -1) }
        let total = model.lessOrEqual("total", group: "g", terms: (xs + xs).map { ($0, 0.5) }, rhs: 10)
        let terms = model.terms(of: total)
        #expect(terms.map(\.0) == xs)
        #expect(terms.allSatisfy { $0.1 == 1 })
        let solution = try LinearSolver.solve(model)
        #expect(abs(solution.objective + 10) < 1e-9)
    }

    /// No variables and no rows: CLP loads and solves it; the objective is 0.
    @Test func emptyModelIsOptimalAtZero() throws {
        let solution = try LinearSolver.solve(LinearModel(name: "empty"))
        #expect(solution.status == .optimal)
        #expect(solution.objective == 0)
        #expect(solution.values.isEmpty && solution.rowActivities.isEmpty)
    }

    /// The Wyndor Glass production LP: maximise 3x + 5y with x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18. By hand x = 2, y = 6,
    /// profit 36; duals 0, 1.5, 1 (a binding ≤ row in a maximisation: what one more unit of capacity earns, ≥ 0).
    @Test func productionMaximisationReportsProfitAndNonnegativeCapacityDuals() throws {
        let (model, x, y, plants) = Self.wyndor()
        let (plant1, plant2, plant3) = (plants[0], plants[1], plants[2])
        let solution = try LinearSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 36) < 1e-9)
        #expect(abs(solution[x] - 2) < 1e-9)
        #expect(abs(solution[y] - 6) < 1e-9)
        let duals = [plant1, plant2, plant3].map { solution.dual($0) ?? .nan }
        for (found, byHand) in zip(duals, [0, 1.5, 1]) {
            #expect(abs(found - byHand) < 1e-9, "duals \(duals)")
        }
        #expect(model.terms(of: plant3).count == 2, "repeated variables are summed into one term")
    }

    /// Wyndor Glass: doors and windows (profit 3 and 5) over three plants' capacities; the third row's windows
    /// term is given twice (1 + 1), to be summed.
    static func wyndor() -> (LinearModel, LinearModel.Variable, LinearModel.Variable, [LinearModel.Constraint]) {
        var model = LinearModel(name: "wyndor", sense: .maximise)
        let x = model.addVariable("doors", cost: 3)
        let y = model.addVariable("windows", cost: 5)
        let plants = [
            model.lessOrEqual("plant 1", group: "capacity", terms: [(x, 1)], rhs: 4),
            model.lessOrEqual("plant 2", group: "capacity", terms: [(y, 2)], rhs: 12),
            model.addConstraint("plant 3", group: "capacity", terms: [(x, 3), (y, 1), (y, 1)], lower: -.infinity, upper: 18),
        ]
        return (model, x, y, plants)
    }

    /// A ranged row binding on its upper side in a minimisation has a dual ≤ 0, on its lower side ≥ 0.
    @Test func rangedRowDualFollowsTheBindingSide() throws {
        var model = LinearModel(name: "ranged")
        let x = model.addVariable("x", cost: -1)
        let y = model.addVariable("y", cost: 2)
        let upper = model.addConstraint("band up", group: "band", terms: [(x, 1)], lower: 1, upper: 3)
        let lower = model.addConstraint("band down", group: "band", terms: [(y, 1)], lower: 2, upper: 5)
        let solution = try LinearSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 1) < 1e-9)  // −3 + 2·2
        let upperDual = try #require(solution.dual(upper))
        let lowerDual = try #require(solution.dual(lower))
        #expect(abs(upperDual + 1) < 1e-9)
        #expect(abs(lowerDual - 2) < 1e-9)
    }
}
