import DSOOptimization
import OpenDSOTestSupport
import Testing

/// MILPs solved by hand, through CBC: a knapsack, and models whose integer answer differs from the LP relaxation.
@Suite struct HandSolvedMILPTests {
    /// Capacity 10; items (weight, value) (5, 10), (4, 40), (6, 30), (3, 50). By hand: items 2 and 4 (weight 7,
    /// value 90); nothing else fits. The LP relaxation takes items 4 and 2 and half of item 3: 105.
    @Test func knapsackPicksTheHandSolvedItemsBelowItsRelaxation() throws {
        let items: [(weight: Double, value: Double)] = [(5, 10), (4, 40), (6, 30), (3, 50)]
        func knapsack(integer: Bool) -> (LinearModel, [LinearModel.Variable]) {
            var model = LinearModel(name: "knapsack", sense: .maximise)
            let take = items.indices.map {
                model.addVariable("take item \($0 + 1)", upper: 1, cost: items[$0].value, isInteger: integer)
            }
            model.lessOrEqual("capacity", group: "capacity", terms: zip(take, items.map(\.weight)).map { ($0, $1) }, rhs: 10)
            return (model, take)
        }
        let (model, take) = knapsack(integer: true)
        #expect(model.isMixedInteger)
        let solution = try LinearSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(solution.solver == "cbc")
        #expect(solution.rowDuals == nil)
        #expect(solution.hasFeasiblePoint)
        #expect(abs(solution.objective - 90) < 1e-9)
        let chosen = take.map { solution[$0].rounded() }
        #expect(chosen == [0, 1, 0, 1])
        let bound = try #require(solution.bestBound)
        #expect(abs(bound - 90) < 1e-6)

        let relaxation = try LinearSolver.solve(knapsack(integer: false).0)
        #expect(relaxation.solver == "clp")
        #expect(abs(relaxation.objective - 105) < 1e-9)
    }

    /// Demand 5 MW from unit A (100 $ to start, 10 $/MWh, 3…10 MW when on) or unit B (40 $/MWh, 0…10 MW). With
    /// A's commitment binary: A on at 5 MW, 150 $ (B alone would cost 200). The relaxation commits half of A
    /// (5 ≤ 10·u at u = 0.5) for 100 $ — integrality changes both the answer and the cost.
    @Test func unitCommitmentCostsMoreThanItsRelaxation() throws {
        func commitment(integer: Bool) -> (LinearModel, on: LinearModel.Variable, a: LinearModel.Variable) {
            var model = LinearModel(name: "unit commitment")
            let on = model.addVariable("A on", upper: 1, cost: 100, isInteger: integer)
            let a = model.addVariable("A MW", cost: 10)
            let b = model.addVariable("B MW", upper: 10, cost: 40)
            model.equal("demand", group: "energy-balance", terms: [(a, 1), (b, 1)], rhs: 5)
            model.lessOrEqual("A max", group: "unit-limits", terms: [(a, 1), (on, -10)], rhs: 0)
            model.greaterOrEqual("A min", group: "unit-limits", terms: [(a, 1), (on, -3)], rhs: 0)
            return (model, on, a)
        }
        let milp = commitment(integer: true)
        let solution = try LinearSolver.solve(milp.0)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 150) < 1e-9)
        #expect(abs(solution[milp.on] - 1) < 1e-9)
        #expect(abs(solution[milp.a] - 5) < 1e-9)

        let lp = commitment(integer: false)
        let relaxed = try LinearSolver.solve(lp.0)
        #expect(relaxed.status == .optimal)
        #expect(abs(relaxed.objective - 100) < 1e-9)
        #expect(abs(relaxed[lp.on] - 0.5) < 1e-9)
    }

    /// General integers with negative bounds: maximise x + y with 2x + 2y ≤ 3, x, y ∈ [−2, 5] integer gives 1
    /// (the relaxation 1.5).
    @Test func generalIntegersRoundTheRelaxationDown() throws {
        var model = LinearModel(name: "general integers", sense: .maximise)
        let x = model.addVariable("x", lower: -2, upper: 5, cost: 1, isInteger: true)
        let y = model.addVariable("y", lower: -2, upper: 5, cost: 1, isInteger: true)
        model.lessOrEqual("half", group: "g", terms: [(x, 2), (y, 2)], rhs: 3)
        let solution = try LinearSolver.solve(model)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 1) < 1e-9)
        let sum = solution[x] + solution[y]
        #expect(abs(sum - 1) < 1e-9)
    }

    /// A 120-item, 6-constraint knapsack given 20 ms stops on the time limit; what it reports is consistent: a
    /// finite objective exactly when it has a feasible point, which then meets every row.
    @Test func timeLimitStopsWithAConsistentReport() throws {
        var generator = SeededGenerator(seed: 3)
        var model = LinearModel(name: "hard knapsack", sense: .maximise)
        let items = (0..<120).map { model.addVariable("item \($0)", upper: 1, cost: Double.random(in: 50..<100, using: &generator), isInteger: true) }
        for row in 0..<6 {
            let weights = items.map { ($0, Double(Int.random(in: 20..<100, using: &generator))) }
            model.lessOrEqual("capacity \(row)", group: "capacity", terms: weights, rhs: 1500)
        }
        var options = SolveOptions()
        options.timeLimitSeconds = 0.02
        let solution = try LinearSolver.solve(model, options: options)
        guard case .stopped(let why) = solution.status else {
            Issue.record("expected a stop on the time limit, got \(solution.status)")
            return
        }
        #expect(why.contains("time limit"), "\(why)")
        #expect(solution.objective.isFinite == solution.hasFeasiblePoint)
        if solution.hasFeasiblePoint {
            let worst = solution.rowActivities.max() ?? 0
            #expect(worst <= 1500 + 1e-6)
            let bound = try #require(solution.bestBound)
            #expect(bound >= solution.objective - 1e-6)
        }
    }
}
