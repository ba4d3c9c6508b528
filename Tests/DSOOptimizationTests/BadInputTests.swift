import DSOOptimization
import Testing

/// Bad numbers and repeated names are refused before any solver sees them, with an error naming the variable or
/// constraint and the value.
@Suite struct BadInputTests {
    /// The error `validate()` and `solve` throw for `model` (they must agree), or nil when neither throws.
    private func error(of model: LinearModel) -> String? {
        var validated: String?
        do { try model.validate() } catch { validated = error.description }
        var solved: String?
        do { _ = try LinearSolver.solve(model) } catch { solved = error.description }
        #expect(validated == solved)
        return validated
    }

    @Test func nanCostNamesTheVariable() throws {
        var model = LinearModel(name: "nan cost")
        model.addVariable("battery 1 charge", upper: 1, cost: 1)
        let bad = model.addVariable("battery 2 charge", upper: 1)
        model.setCost(bad, .nan)
        let message = try #require(error(of: model))
        #expect(message.contains("'battery 2 charge'"), "\(message)")
        #expect(message.contains("nan"), "\(message)")
    }

    @Test func lowerAboveUpperNamesTheVariableAndBothBounds() throws {
        var model = LinearModel(name: "crossed bounds")
        let soc = model.addVariable("soc[3]", upper: 2)
        model.setBounds(soc, lower: 2.5, upper: 2)
        let message = try #require(error(of: model))
        #expect(message.contains("'soc[3]'") && message.contains("2.5") && message.contains("2.0"), "\(message)")
    }

    @Test func crossedRowBoundsAndNonFiniteCoefficientsNameTheConstraint() throws {
        var crossed = LinearModel(name: "crossed row")
        let x = crossed.addVariable("x")
        crossed.addConstraint("band[7]", group: "band", terms: [(x, 1)], lower: 4, upper: 3)
        let crossedMessage = try #require(error(of: crossed))
        #expect(crossedMessage.contains("'band[7]'") && crossedMessage.contains("group 'band'"), "\(crossedMessage)")

        var infinite = LinearModel(name: "infinite coefficient")
        let y = infinite.addVariable("y")
        infinite.lessOrEqual("limit", group: "limits", terms: [(y, .infinity)], rhs: 1)
        let infiniteMessage = try #require(error(of: infinite))
        #expect(infiniteMessage.contains("'limit'") && infiniteMessage.contains("'y'") && infiniteMessage.contains("inf"), "\(infiniteMessage)")
    }

    @Test func duplicateNamesAreRefusedWithBothIndices() throws {
        var variables = LinearModel(name: "duplicate variables")
        variables.addVariable("p")
        variables.addVariable("q")
        variables.addVariable("p")
        let variableMessage = try #require(error(of: variables))
        #expect(variableMessage == "duplicate variable name 'p': #0 and #2")

        var constraints = LinearModel(name: "duplicate constraints")
        let x = constraints.addVariable("x")
        constraints.lessOrEqual("cap", group: "a", terms: [(x, 1)], rhs: 1)
        constraints.lessOrEqual("cap", group: "b", terms: [(x, 1)], rhs: 2)
        let constraintMessage = try #require(error(of: constraints))
        #expect(constraintMessage == "duplicate constraint name 'cap': #0 and #1")
    }

    @Test func impossibleBoundsAreRefused() throws {
        var nanBound = LinearModel(name: "nan bound")
        nanBound.addVariable("x", upper: .nan)
        #expect(try #require(error(of: nanBound)).contains("'x'"))

        var infiniteLower = LinearModel(name: "infinite lower")
        infiniteLower.addVariable("y", lower: .infinity)
        #expect(try #require(error(of: infiniteLower)).contains("lower bound is +inf"))

        var noInteger = LinearModel(name: "no integer")
        noInteger.addVariable("units", lower: 0.2, upper: 0.8, isInteger: true)
        #expect(try #require(error(of: noInteger)).contains("no integer lies in [0.2, 0.8]"))
    }

    @Test func aVariableOfAnotherModelIsRefused() throws {
        var other = LinearModel(name: "other")
        other.addVariable("a")
        let foreign = other.addVariable("b")
        var model = LinearModel(name: "model")
        let x = model.addVariable("x")
        model.lessOrEqual("mixed", group: "g", terms: [(x, 1), (foreign, 1)], rhs: 1)
        let message = try #require(error(of: model))
        #expect(message.contains("'mixed'") && message.contains("#1"), "\(message)")
    }

    @Test func badSolveOptionsAreRefused() {
        var model = LinearModel(name: "fine")
        model.addVariable("x", upper: 1, cost: 1)
        var options = SolveOptions()
        options.timeLimitSeconds = -1
        #expect(throws: OptimizationError.self) { try LinearSolver.solve(model, options: options) }
        options = SolveOptions()
        options.relativeGap = .nan
        #expect(throws: OptimizationError.self) { try LinearSolver.solve(model, options: options) }
    }
}
