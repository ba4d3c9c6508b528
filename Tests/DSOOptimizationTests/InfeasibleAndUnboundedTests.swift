import DSOOptimization
import Testing

/// Infeasible models name the constraint groups in conflict (from the elastic re-solves) and no other;
/// unbounded models are `.unbounded`, unless they are also infeasible.
@Suite struct InfeasibleAndUnboundedTests {
    /// A SOC target of 10 MWh against an interface limit of 5 MWh on the same energy, with a feasible PV band on
    /// another variable: both sides of the conflict are named with the 5 MWh they miss by, the PV band is not.
    @Test func conflictingGroupsAreNamedAndAnUnrelatedGroupIsNot() throws {
        var model = LinearModel(name: "conflict")
        let energy = model.addVariable("energy", upper: 20, cost: 1)
        let pv = model.addVariable("pv", cost: -1)
        model.greaterOrEqual("soc target", group: "soc-target", terms: [(energy, 1)], rhs: 10)
        model.lessOrEqual("interface limit", group: "interface-limit", terms: [(energy, 1)], rhs: 5)
        model.addConstraint("pv band", group: "pv-band", terms: [(pv, 1)], lower: 1, upper: 3)

        let solution = try LinearSolver.solve(model)
        let groups = try #require(infeasibleGroups(solution))
        #expect(Set(groups.keys) == ["soc-target", "interface-limit"])
        #expect(abs((groups["soc-target"] ?? 0) - 5) < 1e-6)
        #expect(abs((groups["interface-limit"] ?? 0) - 5) < 1e-6)
        #expect(groups["pv-band"] == nil)
        #expect(solution.objective.isNaN)
        #expect(solution.rowDuals == nil)
        #expect(!solution.hasFeasiblePoint)
    }

    /// Rows of one group that conflict among themselves name that group alone.
    @Test func aGroupInConflictWithItselfIsNamedAlone() throws {
        var model = LinearModel(name: "self conflict")
        let x = model.addVariable("x", lower: -.infinity)
        let y = model.addVariable("y")
        model.equal("schedule 1", group: "schedule", terms: [(x, 1), (y, 1)], rhs: 4)
        model.equal("schedule 2", group: "schedule", terms: [(x, 1), (y, 1)], rhs: 6)
        model.lessOrEqual("y cap", group: "limits", terms: [(y, 1)], rhs: 10)
        let groups = try #require(infeasibleGroups(try LinearSolver.solve(model)))
        #expect(Set(groups.keys) == ["schedule"])
        #expect(abs((groups["schedule"] ?? 0) - 2) < 1e-6)
    }

    /// A MILP infeasible only through integrality (2z = 1 for integer z) is diagnosed with integrality kept.
    @Test func integralityInfeasibilityIsDiagnosedOnTheMILP() throws {
        var model = LinearModel(name: "parity")
        let z = model.addVariable("z", upper: 5, cost: 1, isInteger: true)
        let w = model.addVariable("w", upper: 5, cost: 1)
        model.equal("odd", group: "parity", terms: [(z, 2)], rhs: 1)
        model.lessOrEqual("w cap", group: "other", terms: [(w, 1)], rhs: 4)
        let solution = try LinearSolver.solve(model)
        #expect(solution.solver == "cbc")
        let groups = try #require(infeasibleGroups(solution))
        #expect(Set(groups.keys) == ["parity"])
        #expect(abs((groups["parity"] ?? 0) - 1) < 1e-6)
    }

    @Test func unboundedMinimisationAndMaximisationAreReportedUnbounded() throws {
        var minimise = LinearModel(name: "unbounded below")
        let x = minimise.addVariable("x", cost: -1)
        let y = minimise.addVariable("y")
        minimise.lessOrEqual("spread", group: "g", terms: [(x, 1), (y, -1)], rhs: 1)
        let below = try LinearSolver.solve(minimise)
        #expect(below.status == .unbounded)
        #expect(below.objective == -.infinity)

        var maximise = LinearModel(name: "unbounded above", sense: .maximise)
        let free = maximise.addVariable("free", lower: -.infinity, cost: 2)
        let bounded = maximise.addVariable("bounded", upper: 3, cost: 1)
        maximise.greaterOrEqual("floor", group: "g", terms: [(free, 1), (bounded, 1)], rhs: 0)
        let above = try LinearSolver.solve(maximise)
        #expect(above.status == .unbounded)
        #expect(above.objective == .infinity)

        var integer = LinearModel(name: "unbounded integer", sense: .maximise)
        let n = integer.addVariable("n", cost: 1, isInteger: true)
        integer.greaterOrEqual("at least one", group: "g", terms: [(n, 1)], rhs: 1)
        #expect(try LinearSolver.solve(integer).status == .unbounded)
    }

    /// A model with an unbounded ray that is also infeasible is infeasible: the elastic check runs on the
    /// solver's "dual infeasible" too.
    @Test func infeasibleModelWithAnUnboundedRayIsInfeasible() throws {
        var model = LinearModel(name: "both")
        let x = model.addVariable("x")
        let free = model.addVariable("free", lower: -.infinity, cost: 1)
        model.greaterOrEqual("at least", group: "floor", terms: [(x, 1)], rhs: 10)
        model.lessOrEqual("at most", group: "ceiling", terms: [(x, 1)], rhs: 5)
        model.lessOrEqual("loose", group: "loose", terms: [(free, 1), (x, -1)], rhs: 100)
        let groups = try #require(infeasibleGroups(try LinearSolver.solve(model)))
        #expect(Set(groups.keys) == ["floor", "ceiling"])
    }
}

/// The groups of an `.infeasible` status, nil (with the status recorded as an issue) for any other.
func infeasibleGroups(_ solution: LinearSolution) -> [String: Double]? {
    guard case .infeasible(let groups) = solution.status else {
        Issue.record("expected infeasible, got \(solution.status)")
        return nil
    }
    return groups
}
