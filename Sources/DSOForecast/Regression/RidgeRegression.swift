/// Ridge regression, the linear forecaster's engine: y ≈ intercept + Σ βⱼ xⱼ with the β (not the intercept)
/// penalised by λ‖β‖² on standardised columns, so that correlated calendar and weather features share weight
/// instead of cancelling, and the penalty means the same whatever each column's unit.
///
/// `fit` skips rows whose target or any feature is NaN (a linear model has no value for a missing one) and
/// needs at least two usable rows. A constant column gets a zero coefficient. At λ = 0 collinear columns
/// give the minimum-norm least-squares solution (finite; the fitted values are the least-squares ones);
/// `model.method` says which solve was used. `predict` gives NaN for rows with a NaN feature.
public struct RidgeRegression: Regressor {
    /// λ ≥ 0, on the sum of squared errors over the training rows of standardised columns.
    public var penalty: Double
    /// The fit, nil until `fit` succeeds.
    public private(set) var model: RidgeModel?

    public var name: String { "ridge" }

    public init(penalty: Double = 1) {
        self.penalty = penalty
    }

    public mutating func fit(_ features: FeatureMatrix, targets: [Double]) throws(ForecastError) {
        guard penalty.isFinite, penalty >= 0 else {
            throw ForecastError("ridge: penalty \(penalty) is not a finite number ≥ 0")
        }
        let rows = try features.trainingRows(
            targets: targets, model: name, skippingMissingFeatures: true, minimumRows: 2)
        model = try RidgeModel(fitting: features.rows(rows), targets: rows.map { targets[$0] }, penalty: penalty)
    }

    public func predict(_ features: FeatureMatrix) throws(ForecastError) -> [Double] {
        guard let model else { throw ForecastError("ridge: predict before a successful fit") }
        try features.checkColumns(fittedOn: model.columnNames, model: name)
        return (0..<features.rowCount).map { model.predict(row: $0, of: features) }
    }
}
