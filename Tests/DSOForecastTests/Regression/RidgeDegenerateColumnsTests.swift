import DSOForecast
import Testing

/// Constant and collinear columns, which calendar features produce (a holiday flag never set in the
/// training window, one-hot hours next to an hour-of-day column): a finite, documented answer, not an error.
@Suite struct RidgeDegenerateColumnsTests {
    /// `data` with a column of `value` inserted at `position`.
    static func inserting(_ value: (Int, [Double]) -> Double, at position: Int, into data: RandomRegressionData)
        -> RandomRegressionData
    {
        func insert(_ rows: [[Double]]) -> [[Double]] {
            rows.enumerated().map { index, row in
                var row = row
                row.insert(value(index, row), at: position)
                return row
            }
        }
        return RandomRegressionData(x: insert(data.x), y: data.y, xTest: insert(data.xTest))
    }

    /// A constant column gets coefficient 0 and changes no prediction, with and without a penalty.
    @Test(arguments: [0.0, 1.0])
    func constantColumnGetsZeroWeight(penalty: Double) throws {
        let data = RandomRegressionData.linear(rows: 120, columns: 3, seed: 21)
        let withConstant = Self.inserting({ _, _ in 0.1 }, at: 1, into: data)
        var plain = RidgeRegression(penalty: penalty)
        try plain.fit(data.features, targets: data.y)
        var ridge = RidgeRegression(penalty: penalty)
        try ridge.fit(withConstant.features, targets: withConstant.y)
        let model = try #require(ridge.model)
        #expect(model.standardisation.isConstant == [false, true, false, false])
        #expect(model.coefficients[1] == 0)
        #expect(relativeDifference(try ridge.predict(withConstant.testFeatures), try plain.predict(data.testFeatures)) < 1e-10)
        // The constant column is left out of the system, so even λ = 0 is a Cholesky solve.
        #expect(model.method == .cholesky)
    }

    @Test func onlyConstantColumnsPredictTheMean() throws {
        var ridge = RidgeRegression(penalty: 0)
        try ridge.fit(FeatureMatrix(names: ["a", "b"], rowMajor: [1, 7, 1, 7, 1, 7]), targets: [1, 2, 6])
        #expect(ridge.model?.method == .interceptOnly)
        #expect(try ridge.predict(FeatureMatrix(names: ["a", "b"], rowMajor: [5, 5])) == [3])
    }

    /// x₃ = 2x₀ − x₁: at λ = 0 the SVD solve gives finite coefficients and numpy's least-squares fitted values;
    /// with a penalty Cholesky solves it and numpy's ridge agrees.
    @Test func collinearColumns() throws {
        if let reason = PythonPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let base = RandomRegressionData.linear(rows: 200, columns: 3, seed: 22)
        let data = Self.inserting({ _, row in 2 * row[0] - row[1] }, at: 3, into: base)
        let answers = try RidgeNumpyPeer.solve([.init(data, penalty: 0), .init(data, penalty: 1)])

        var exact = RidgeRegression(penalty: 0)
        try exact.fit(data.features, targets: data.y)
        let exactModel = try #require(exact.model)
        #expect(exactModel.method == .minimumNormLeastSquares(rank: 3))
        #expect(exactModel.coefficients.allSatisfy { $0.isFinite })
        let exactPredictions = try exact.predict(data.testFeatures)
        #expect(relativeDifference(exactPredictions, answers[0].leastSquaresPredictions) < RidgeNumpyTests.tolerance)
        // the minimum-norm solution in standardised columns is numpy's too
        #expect(relativeDifference(exactModel.coefficients, answers[0].coefficients) < 1e-6)

        var penalised = RidgeRegression(penalty: 1)
        try penalised.fit(data.features, targets: data.y)
        #expect(penalised.model?.method == .cholesky)
        #expect(relativeDifference(try #require(penalised.model).coefficients, answers[1].coefficients) < RidgeNumpyTests.tolerance)
        #expect(relativeDifference(try penalised.predict(data.testFeatures), answers[1].predictions) < RidgeNumpyTests.tolerance)
    }
}
