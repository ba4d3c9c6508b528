@testable import DSOForecast
import Testing

/// Bad input gets a ForecastError that names what is wrong, XGBoost's own message included.
@Suite struct GradientBoostedTreesBadInputTests {
    static let train = SyntheticHours.load(hours: 48, seed: 81)

    static func small() -> GradientBoostingParameters {
        var parameters = GradientBoostingParameters()
        parameters.rounds = 5
        return parameters
    }

    @Test func predictionColumnsMustMatchTheFit() throws {
        var trees = GradientBoostedTrees(parameters: Self.small())
        try trees.fit(Self.train.features, targets: Self.train.y)
        let reordered = FeatureMatrix(names: ["weekday", "hour", "temperatureC", "lag24KW"], rowMajor: [1, 2, 3, 4])
        let error = #expect(throws: ForecastError.self) { try trees.predict(reordered) }
        #expect(error?.description.contains("prediction column 0 is 'weekday'") == true)
        let fewer = FeatureMatrix(names: ["hour"], rowMajor: [1])
        let fewerError = #expect(throws: ForecastError.self) { try trees.predict(fewer) }
        #expect(fewerError?.description.contains("1 prediction columns") == true)
    }

    @Test func tooFewRows() {
        var trees = GradientBoostedTrees(parameters: Self.small())
        let one = FeatureMatrix(names: ["a"], rowMajor: [1])
        let error = #expect(throws: ForecastError.self) { try trees.fit(one, targets: [2]) }
        #expect(error?.description.contains("xgboost: too few training rows: 1 usable of 1") == true)
    }

    @Test func tooFewRowsForEarlyStopping() {
        var parameters = Self.small()
        parameters.earlyStopping = EarlyStopping()
        var trees = GradientBoostedTrees(parameters: parameters)
        let two = FeatureMatrix(names: ["a"], rowMajor: [1, 2])
        let error = #expect(throws: ForecastError.self) { try trees.fit(two, targets: [2, 3]) }
        #expect(error?.description.contains("too few rows for a validation split") == true)
    }

    @Test func parametersOutOfRangeAreNamed() {
        var parameters = Self.small()
        parameters.maxDepth = 0
        var trees = GradientBoostedTrees(parameters: parameters)
        let error = #expect(throws: ForecastError.self) { try trees.fit(Self.train.features, targets: Self.train.y) }
        #expect(error?.description.contains("maxDepth 0") == true)
    }

    /// A value XGBoost itself rejects (past our own checks) comes back with the call and XGBoost's message.
    @Test func xgboostErrorsCarryItsMessage() throws {
        var parameters = Self.small()
        parameters.subsample = 2
        let matrix = try XGBoostMatrix(Self.train.features, labels: Self.train.y)
        let booster = try XGBoostBooster(caching: [matrix], parameters: parameters)
        let error = #expect(throws: ForecastError.self) { try booster.update(iteration: 0, training: matrix) }
        #expect(error?.description.contains("XGBoosterUpdateOneIter(round 0) failed") == true)
        #expect(error?.description.contains("subsample") == true)
    }

    @Test func predictBeforeFit() {
        let error = #expect(throws: ForecastError.self) { try GradientBoostedTrees().predict(Self.train.features) }
        #expect(error?.description.contains("xgboost: predict before a successful fit") == true)
    }
}
