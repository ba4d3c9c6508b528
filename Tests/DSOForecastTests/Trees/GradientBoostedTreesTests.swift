import DSOForecast
import Foundation
import OpenDSOTestSupport
import Testing

/// The trees engine on its own: reproducible, seed-dependent, and better than ridge where the target is not
/// linear in the features.
@Suite struct GradientBoostedTreesTests {
    static func rmse(_ predictions: [Double], _ targets: [Double]) -> Double {
        (zip(predictions, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(targets.count)).squareRoot()
    }

    @Test func sameSeedSameTreesOtherSeedOtherTrees() throws {
        let train = SyntheticHours.load(hours: 24 * 30, missingEvery: 13, seed: 71)
        let test = SyntheticHours.load(hours: 48, startHour: 24 * 30, seed: 72)
        var parameters = GradientBoostingParameters()
        parameters.rounds = 50
        var first = GradientBoostedTrees(parameters: parameters)
        try first.fit(train.features, targets: train.y)
        var second = GradientBoostedTrees(parameters: parameters)
        try second.fit(train.features, targets: train.y)
        parameters.seed = 1
        var reseeded = GradientBoostedTrees(parameters: parameters)
        try reseeded.fit(train.features, targets: train.y)
        let predictions = try first.predict(test.features)
        #expect(predictions == (try second.predict(test.features)))
        #expect(predictions != (try reseeded.predict(test.features)))
        #expect(first.fittedRounds == 50)
    }

    /// A fitted model is shared across tasks (the booster's per-call buffer is guarded): concurrent
    /// predictions equal the sequential one.
    @Test func concurrentPredictionsAgree() async throws {
        let train = SyntheticHours.load(hours: 24 * 20, seed: 76)
        let test = SyntheticHours.load(hours: 24 * 5, startHour: 24 * 20, seed: 77).features
        var parameters = GradientBoostingParameters()
        parameters.rounds = 40
        var trees = GradientBoostedTrees(parameters: parameters)
        try trees.fit(train.features, targets: train.y)
        let model = trees
        let expected = try model.predict(test)
        let results = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<8 { group.addTask { try model.predict(test) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    /// y = sin(2π·hour/24)·temperature + noise: a product no linear model forms; the trees should cut the
    /// ridge's out-of-sample RMSE by far more than half.
    @Test func treesBeatRidgeOnANonLinearTarget() throws {
        var generator = SeededGenerator(seed: 73)
        var features = FeatureMatrix(names: ["hour", "temperatureC"])
        var targets: [Double] = []
        for index in 0..<(24 * 120) {
            let hour = Double(index % 24)
            let temperature = Double.random(in: 0...35, using: &generator)
            features.append(row: [hour, temperature])
            targets.append(sin(2 * Double.pi * hour / 24) * temperature + normal(&generator))
        }
        let cut = 24 * 100
        let training = features.rows(0..<cut)
        let test = features.rows(cut..<features.rowCount)
        let trainingTargets = Array(targets[..<cut])
        let testTargets = Array(targets[cut...])

        var trees = GradientBoostedTrees()
        try trees.fit(training, targets: trainingTargets)
        let ridge = try RidgePenaltySearch().fitted(training, targets: trainingTargets)
        let treesRMSE = Self.rmse(try trees.predict(test), testTargets)
        let ridgeRMSE = Self.rmse(try ridge.predict(test), testTargets)
        #expect(treesRMSE < 0.25 * ridgeRMSE)
        print("sin(hour)·temperature: trees RMSE \(treesRMSE), ridge RMSE \(ridgeRMSE)")
    }

    /// Missing features are XGBoost's missing values: rows with NaN get a prediction; NaN targets are skipped.
    @Test func missingFeaturesPredictAndNaNTargetsAreSkipped() throws {
        var train = SyntheticHours.load(hours: 24 * 20, missingEvery: 5, seed: 74)
        var parameters = GradientBoostingParameters()
        parameters.rounds = 30
        var withGaps = train
        withGaps.y[3] = .nan
        withGaps.y[100] = .nan
        var trees = GradientBoostedTrees(parameters: parameters)
        try trees.fit(withGaps.features, targets: withGaps.y)
        train.x.remove(at: 100)
        train.x.remove(at: 3)
        train.y.remove(at: 100)
        train.y.remove(at: 3)
        var clean = GradientBoostedTrees(parameters: parameters)
        try clean.fit(train.features, targets: train.y)
        let test = SyntheticHours.load(hours: 24, startHour: 24 * 20, missingEvery: 2, seed: 75)
        let predictions = try trees.predict(test.features)
        #expect(predictions.allSatisfy { $0.isFinite })
        #expect(predictions == (try clean.predict(test.features)))
    }
}
