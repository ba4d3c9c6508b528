/// Chooses the ridge penalty λ from a grid by fitting on the earlier rows of a training set and scoring on
/// its latest ones, the way the forecaster will be used: no λ suits every feature set and history length.
public struct RidgePenaltySearch: Sendable, Hashable {
    /// 10⁻³ … 10³ in steps of about half a decade: wide enough for standardised hourly features from weeks
    /// to years of rows (λ acts on sums of squares, so a longer history wants a larger one).
    public static let defaultPenalties: [Double] = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000]

    /// Candidate λ values (each finite and ≥ 0).
    public var penalties: [Double]
    /// Share of the usable training rows, the latest in time, held out to score each λ.
    public var validationFraction: Double

    public init(penalties: [Double] = Self.defaultPenalties, validationFraction: Double = 0.2) {
        self.penalties = penalties
        self.validationFraction = validationFraction
    }

    /// The λ with the smallest validation RMSE (the smaller λ on a tie) and every candidate's score.
    public func choose(_ features: FeatureMatrix, targets: [Double]) throws(ForecastError) -> RidgePenaltyChoice {
        guard !penalties.isEmpty else { throw ForecastError("ridge penalty search: no penalties to choose from") }
        let rows = try features.trainingRows(
            targets: targets, model: "ridge penalty search", skippingMissingFeatures: true, minimumRows: 3)
        let split = try TimeOrderedSplit(
            rows: rows, validationFraction: validationFraction, model: "ridge penalty search")
        let training = features.rows(split.training)
        let trainingTargets = split.training.map { targets[$0] }
        let validation = features.rows(split.validation)
        let validationTargets = split.validation.map { targets[$0] }
        var scores: [Double] = []
        for penalty in penalties {
            var ridge = RidgeRegression(penalty: penalty)
            try ridge.fit(training, targets: trainingTargets)
            let predictions = try ridge.predict(validation)
            let squares = zip(predictions, validationTargets).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            scores.append((squares / Double(validationTargets.count)).squareRoot())
        }
        let best = scores.indices.min { (scores[$0], penalties[$0]) < (scores[$1], penalties[$1]) }!
        return RidgePenaltyChoice(
            penalty: penalties[best], penalties: penalties, validationRMSE: scores,
            trainingRowCount: split.training.count, validationRowCount: split.validation.count)
    }

    /// A ridge regression with the chosen λ, fitted on all the rows.
    public func fitted(_ features: FeatureMatrix, targets: [Double]) throws(ForecastError) -> RidgeRegression {
        var ridge = RidgeRegression(penalty: try choose(features, targets: targets).penalty)
        try ridge.fit(features, targets: targets)
        return ridge
    }
}

/// The outcome of a penalty search, with every candidate's score so a report can show how flat the choice was.
public struct RidgePenaltyChoice: Sendable, Hashable {
    public let penalty: Double
    public let penalties: [Double]
    /// Validation RMSE of each candidate in `penalties`, in target units.
    public let validationRMSE: [Double]
    public let trainingRowCount: Int
    public let validationRowCount: Int
}
