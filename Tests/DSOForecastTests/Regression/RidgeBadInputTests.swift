import DSOForecast
import Testing

/// Bad input gets a ForecastError that names what is wrong.
@Suite struct RidgeBadInputTests {
    static let data = RandomRegressionData.linear(rows: 40, columns: 3, seed: 41)

    static func fitted() throws -> RidgeRegression {
        var ridge = RidgeRegression()
        try ridge.fit(data.features, targets: data.y)
        return ridge
    }

    @Test func predictionColumnsMustMatchTheFit() throws {
        let ridge = try Self.fitted()
        let fewer = FeatureMatrix(names: ["x0", "x1"], rowMajor: [1, 2])
        let error = #expect(throws: ForecastError.self) { try ridge.predict(fewer) }
        #expect(error?.description.contains("2 prediction columns") == true)
        let renamed = FeatureMatrix(names: ["x0", "temperature", "x2"], rowMajor: [1, 2, 3])
        let renamedError = #expect(throws: ForecastError.self) { try ridge.predict(renamed) }
        #expect(renamedError?.description.contains("'temperature'") == true)
        #expect(renamedError?.description.contains("'x1'") == true)
    }

    @Test func tooFewRows() {
        var ridge = RidgeRegression()
        let one = FeatureMatrix(names: ["a"], rowMajor: [1, 2, 3])
        let error = #expect(throws: ForecastError.self) { try ridge.fit(one, targets: [5, .nan, .nan]) }
        #expect(error?.description.contains("too few training rows: 1 usable of 3") == true)
    }

    @Test func targetCountMustMatchRows() {
        var ridge = RidgeRegression()
        let error = #expect(throws: ForecastError.self) { try ridge.fit(Self.data.features, targets: [1, 2]) }
        #expect(error?.description.contains("2 targets for 40 feature rows") == true)
    }

    @Test func infiniteFeatureIsNamed() {
        var ridge = RidgeRegression()
        var x = Self.data.x
        x[7][2] = .infinity
        let error = #expect(throws: ForecastError.self) {
            try ridge.fit(RandomRegressionData(x: x, y: Self.data.y, xTest: []).features, targets: Self.data.y)
        }
        #expect(error?.description.contains("column 'x2' of row 7 is infinite") == true)
    }

    @Test func penaltyMustBeNonNegative() {
        var ridge = RidgeRegression(penalty: -1)
        let error = #expect(throws: ForecastError.self) { try ridge.fit(Self.data.features, targets: Self.data.y) }
        #expect(error?.description.contains("penalty -1.0") == true)
    }

    @Test func predictBeforeFit() {
        let error = #expect(throws: ForecastError.self) { try RidgeRegression().predict(Self.data.features) }
        #expect(error?.description.contains("before a successful fit") == true)
    }
}
