/// Gradient-boosted regression trees (XGBoost through its C API), the non-linear forecaster's engine: load
/// and PV depend on products of hour, weekday and weather that a linear model cannot form.
///
/// `fit` skips rows whose target is NaN; NaN features are XGBoost's missing values, in fit and in predict
/// (each split learns which side missing values go), so a row with a NaN feature still gets a prediction.
/// At least two usable rows are needed. Fits are reproducible: same data, parameters and seed, same trees.
public struct GradientBoostedTrees: Regressor {
    public var parameters: GradientBoostingParameters
    /// The trees, nil until `fit` succeeds. Copies of this value share them; a new fit replaces them
    /// and never changes a booster another copy holds.
    private var fitted: FittedBoosting?

    public var name: String { "xgboost" }

    /// The number of trees of the fit (fewer than `parameters.rounds` after early stopping).
    public var fittedRounds: Int? { fitted?.rounds }

    /// Validation RMSE after each round of the early-stopping pass, when there was one.
    public var validationRMSE: [Double]? { fitted?.validationRMSE }

    public init(parameters: GradientBoostingParameters = GradientBoostingParameters()) {
        self.parameters = parameters
    }

    public mutating func fit(_ features: FeatureMatrix, targets: [Double]) throws(ForecastError) {
        try parameters.validate()
        let rows = try features.trainingRows(
            targets: targets, model: name, skippingMissingFeatures: false, minimumRows: 2)
        var rounds = parameters.rounds
        var history: [Double]?
        if let earlyStopping = parameters.earlyStopping {
            let split = try TimeOrderedSplit(
                rows: rows, validationFraction: earlyStopping.validationFraction, model: name)
            let scores = try validationScores(features, targets: targets, split: split, patience: earlyStopping.patienceRounds)
            rounds = scores.indices.min { (scores[$0], $0) < (scores[$1], $1) }! + 1
            history = scores
        }
        let training = try XGBoostMatrix(features, rows: rows, labels: rows.map { targets[$0] })
        let booster = try XGBoostBooster(caching: [training], parameters: parameters)
        for iteration in 0..<rounds {
            try booster.update(iteration: iteration, training: training)
        }
        fitted = FittedBoosting(
            booster: booster, columnNames: features.names, rounds: rounds, validationRMSE: history)
    }

    public func predict(_ features: FeatureMatrix) throws(ForecastError) -> [Double] {
        guard let fitted else { throw ForecastError("xgboost: predict before a successful fit") }
        try features.checkColumns(fittedOn: fitted.columnNames, model: name)
        guard features.rowCount > 0 else { return [] }
        for row in 0..<features.rowCount {
            for column in 0..<features.columnCount where features[row, column].isInfinite {
                throw ForecastError(
                    "xgboost: column '\(features.names[column])' of row \(row) is infinite; expected a finite value or NaN")
            }
        }
        return try fitted.booster.predict(XGBoostMatrix(features), rowCount: features.rowCount)
    }

    /// Validation RMSE after each round, trained on `split.training`, until `patience` rounds pass without
    /// a new best or all rounds are done.
    private func validationScores(
        _ features: FeatureMatrix, targets: [Double], split: TimeOrderedSplit, patience: Int
    ) throws(ForecastError) -> [Double] {
        let training = try XGBoostMatrix(features, rows: split.training, labels: split.training.map { targets[$0] })
        let validation = try XGBoostMatrix(
            features, rows: split.validation, labels: split.validation.map { targets[$0] })
        let booster = try XGBoostBooster(caching: [training, validation], parameters: parameters)
        var scores: [Double] = []
        var best = 0
        for iteration in 0..<parameters.rounds {
            try booster.update(iteration: iteration, training: training)
            scores.append(try booster.rootMeanSquaredError(iteration: iteration, on: validation))
            if scores[iteration] < scores[best] { best = iteration }
            if iteration - best >= patience { break }
        }
        return scores
    }
}

/// What a fit leaves: the trees and what they were fitted on.
private struct FittedBoosting: Sendable {
    let booster: XGBoostBooster
    let columnNames: [String]
    let rounds: Int
    let validationRMSE: [Double]?
}
