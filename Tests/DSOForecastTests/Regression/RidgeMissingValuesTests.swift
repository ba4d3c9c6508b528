import DSOForecast
import Testing

/// NaN marks a missing hour: fit skips the row, predict answers NaN for it.
@Suite struct RidgeMissingValuesTests {
    @Test func rowsWithNaNTargetOrFeatureAreSkipped() throws {
        let data = RandomRegressionData.linear(rows: 100, columns: 3, seed: 31)
        var x = data.x
        var y = data.y
        y[5] = .nan
        x[17][2] = .nan
        x[60][0] = .nan
        y[60] = .nan
        let skipped: Set = [5, 17, 60]
        let kept = (0..<100).filter { !skipped.contains($0) }

        var withGaps = RidgeRegression(penalty: 0.5)
        try withGaps.fit(RandomRegressionData(x: x, y: y, xTest: data.xTest).features, targets: y)
        var clean = RidgeRegression(penalty: 0.5)
        let cleanData = RandomRegressionData(x: kept.map { data.x[$0] }, y: kept.map { data.y[$0] }, xTest: data.xTest)
        try clean.fit(cleanData.features, targets: cleanData.y)

        let model = try #require(withGaps.model)
        #expect(model.trainingRowCount == 97)
        #expect(model.coefficients == clean.model?.coefficients)
        #expect(model.intercept == clean.model?.intercept)

        var test = data.xTest
        test[3][1] = .nan
        let predictions = try withGaps.predict(RandomRegressionData(x: x, y: y, xTest: test).testFeatures)
        #expect(predictions[3].isNaN)
        #expect(predictions.enumerated().allSatisfy { $0.offset == 3 || $0.element.isFinite })
    }
}
