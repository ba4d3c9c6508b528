import DSOOptimization
import Testing

/// A warm start from an earlier basis reaches the same optimum as a cold start after bounds change, and a basis
/// of another shape is ignored rather than misapplied.
@Suite struct WarmStartTests {
    /// A small storage arbitrage over `hours` with a per-hour cap on charging.
    func model(hours: Int, chargeCap: Double) -> LinearModel {
        var model = LinearModel(name: "warm")
        var energy: [LinearModel.Variable] = []
        for hour in 0..<hours {
            let price = 20 + 60 * Double((hour * 7) % 11) / 10
            let charge = model.addVariable("c\(hour)", upper: chargeCap, cost: price / 1000)
            let discharge = model.addVariable("d\(hour)", upper: 100, cost: -price / 1000 * 0.9)
            let stored = model.addVariable("e\(hour)", upper: 400)
            var terms: [(LinearModel.Variable, Double)] = [(stored, 1), (charge, -1), (discharge, 1)]
            if let previous = energy.last { terms.append((previous, -1)) }
            model.equal("balance\(hour)", group: "soc", terms: terms, rhs: 0)
            energy.append(stored)
        }
        return model
    }

    @Test func aWarmStartAfterABoundChangeFindsTheColdOptimum() throws {
        let first = try LinearSolver.solve(model(hours: 48, chargeCap: 100))
        let basis = try #require(first.basis)
        let changed = model(hours: 48, chargeCap: 60)
        let cold = try LinearSolver.solve(changed)
        var options = SolveOptions()
        options.warmStart = basis
        let warm = try LinearSolver.solve(changed, options: options)
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(abs(cold.objective - warm.objective) <= 1e-9 * max(1, abs(cold.objective)), "cold \(cold.objective), warm \(warm.objective)")
        #expect(abs(first.objective - cold.objective) > 1e-6, "the bound change matters")
        #expect(warm.rowDuals != nil)
    }

    @Test func aBasisOfAnotherShapeIsIgnored() throws {
        let basis = try #require(try LinearSolver.solve(model(hours: 10, chargeCap: 100)).basis)
        var options = SolveOptions()
        options.warmStart = basis
        let other = model(hours: 24, chargeCap: 80)
        let warm = try LinearSolver.solve(other, options: options), cold = try LinearSolver.solve(other)
        #expect(warm.status == .optimal && abs(warm.objective - cold.objective) <= 1e-9 * max(1, abs(cold.objective)))
    }
}
