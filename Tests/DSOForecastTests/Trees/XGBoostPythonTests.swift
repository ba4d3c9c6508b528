import DSOForecast
import Testing

/// Our XGBoost fits against the Python package's on the same rows, parameters and rounds.
@Suite struct XGBoostPythonTests {
    /// Predictions are 32-bit floats from the same algorithm with the same seed and one thread; loads are
    /// ~300–700 kW, so 1e-5 relative is a few float32 ulps of the prediction.
    static let tolerance = 1e-5

    static func parameters(
        _ method: GradientBoostingParameters.TreeMethod, rounds: Int, subsample: Double, seed: Int
    ) -> GradientBoostingParameters {
        var parameters = GradientBoostingParameters()
        parameters.treeMethod = method
        parameters.rounds = rounds
        parameters.subsample = subsample
        parameters.columnSampleByTree = subsample
        parameters.seed = seed
        return parameters
    }

    @Test func predictionsAgreeWithPythonXGBoost() throws {
        if let reason = PythonPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let train = SyntheticHours.load(hours: 24 * 60, missingEvery: 37, seed: 61)
        let test = SyntheticHours.load(hours: 24 * 7, startHour: 24 * 60, missingEvery: 11, seed: 62)
        let settings = [
            Self.parameters(.hist, rounds: 120, subsample: 0.8, seed: 7),
            Self.parameters(.exact, rounds: 60, subsample: 1, seed: 0),
        ]
        let answers = try XGBoostPythonPeer.solve(settings.map {
            .init(train: train, test: test, params: XGBoostPythonPeer.params($0), rounds: $0.rounds,
                  patience: nil, validationRows: nil)
        })
        for (parameters, answer) in zip(settings, answers) {
            #expect(answer.version.hasPrefix("1.7."))
            var trees = GradientBoostedTrees(parameters: parameters)
            try trees.fit(train.features, targets: train.y)
            let predictions = try trees.predict(test.features)
            let difference = relativeDifference(predictions, answer.predictions)
            #expect(difference < Self.tolerance, "\(parameters.treeMethod)")
            print("xgboost \(parameters.treeMethod) vs python xgboost \(answer.version): relative \(difference)")
        }
    }

    /// Early stopping on the latest 20 % keeps the rounds Python's early_stopping_rounds keeps, and the
    /// refit on all rows predicts as Python's does.
    @Test func earlyStoppingAgreesWithPythonXGBoost() throws {
        if let reason = PythonPeer.unavailableReason {
            Issue.record(Comment(rawValue: reason))
            return
        }
        let train = SyntheticHours.load(hours: 24 * 40, seed: 63)
        let test = SyntheticHours.load(hours: 24 * 3, startHour: 24 * 40, seed: 64)
        var parameters = Self.parameters(.hist, rounds: 600, subsample: 0.8, seed: 3)
        parameters.learningRate = 0.3
        parameters.earlyStopping = EarlyStopping(validationFraction: 0.2, patienceRounds: 10)
        let answer = try #require(try XGBoostPythonPeer.solve([
            .init(train: train, test: test, params: XGBoostPythonPeer.params(parameters), rounds: 600,
                  patience: 10, validationRows: 192)
        ]).first)
        var trees = GradientBoostedTrees(parameters: parameters)
        try trees.fit(train.features, targets: train.y)
        let rounds = try #require(trees.fittedRounds)
        #expect(rounds < 600)
        #expect(rounds == answer.bestRounds)
        #expect(trees.validationRMSE?.count == rounds + 10)
        let difference = relativeDifference(try trees.predict(test.features), answer.predictions)
        #expect(difference < Self.tolerance)
        print("xgboost early stopping: \(rounds) rounds (python \(answer.bestRounds ?? -1)), relative \(difference)")
    }
}
