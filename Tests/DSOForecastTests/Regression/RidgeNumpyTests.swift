import DSOForecast
import Testing

/// Ridge coefficients and predictions against numpy on random problems whose columns differ in unit by
/// orders of magnitude.
@Suite struct RidgeNumpyTests {
    static let tolerance = 1e-8

    @Test func coefficientsAndPredictionsAgreeWithNumpy() throws {
        if let reason = PythonPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let problems: [(data: RandomRegressionData, penalty: Double)] = [
            (.linear(rows: 240, columns: 5, seed: 1), 0.01),
            (.linear(rows: 240, columns: 5, seed: 2), 1),
            (.linear(rows: 500, columns: 4, noise: 3, seed: 3), 30),
            // fewer rows than columns: only the penalty makes the problem well posed
            (.linear(rows: 8, columns: 12, seed: 4), 3),
        ]
        let answers = try RidgeNumpyPeer.solve(problems.map { RidgeNumpyPeer.Case($0.data, penalty: $0.penalty) })
        for (problem, answer) in zip(problems, answers) {
            var ridge = RidgeRegression(penalty: problem.penalty)
            try ridge.fit(problem.data.features, targets: problem.data.y)
            let model = try #require(ridge.model)
            let predictions = try ridge.predict(problem.data.testFeatures)
            #expect(model.method == .cholesky)
            #expect(relativeDifference(model.coefficients, answer.coefficients) < Self.tolerance, "λ \(problem.penalty)")
            #expect(relativeDifference([model.intercept], [answer.intercept]) < Self.tolerance, "λ \(problem.penalty)")
            #expect(relativeDifference(predictions, answer.predictions) < Self.tolerance, "λ \(problem.penalty)")
            print("ridge vs numpy, λ \(problem.penalty): coefficients \(relativeDifference(model.coefficients, answer.coefficients)), predictions \(relativeDifference(predictions, answer.predictions))")
        }
    }

    /// λ = 0 is ordinary least squares with an intercept column (numpy's lstsq on the raw columns, no
    /// standardisation), and a large λ is not.
    @Test func zeroPenaltyIsLeastSquares() throws {
        if let reason = PythonPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let data = RandomRegressionData.linear(rows: 300, columns: 6, noise: 2, seed: 11)
        let answer = try #require(try RidgeNumpyPeer.solve([.init(data, penalty: 0)]).first)
        for penalty in [0, 1e-9] {
            var ridge = RidgeRegression(penalty: penalty)
            try ridge.fit(data.features, targets: data.y)
            let model = try #require(ridge.model)
            let coefficients = relativeDifference(model.coefficients, answer.leastSquaresCoefficients)
            let predictions = relativeDifference(try ridge.predict(data.testFeatures), answer.leastSquaresPredictions)
            #expect(coefficients < Self.tolerance, "λ \(penalty)")
            #expect(predictions < Self.tolerance, "λ \(penalty)")
            print("ridge λ \(penalty) vs numpy lstsq: coefficients \(coefficients), predictions \(predictions)")
        }
        var heavy = RidgeRegression(penalty: 1000)
        try heavy.fit(data.features, targets: data.y)
        #expect(relativeDifference(try #require(heavy.model).coefficients, answer.leastSquaresCoefficients) > 0.01)
    }
}
