/// A fitted ridge regression: the standardisation of the training columns and the coefficients on it, kept
/// so predictions scale new rows exactly as the training rows were and reports can show the coefficients.
public struct RidgeModel: Sendable, Hashable {
    /// The columns fitted on, in order; prediction matrices must have the same.
    public let columnNames: [String]
    public let standardisation: ColumnStandardisation
    /// Coefficients per standard deviation of each column (0 for constant columns).
    public let standardisedCoefficients: [Double]
    /// Mean target over the training rows: the unpenalised intercept on centred columns.
    public let targetMean: Double
    /// λ used in the fit.
    public let penalty: Double
    public let method: RidgeSolveMethod
    /// How many training rows the fit used (rows with a NaN target or feature are skipped).
    public let trainingRowCount: Int

    /// Coefficients per unit of each column as given (the β of y ≈ intercept + Σ βⱼ xⱼ).
    public var coefficients: [Double] {
        zip(standardisedCoefficients, standardisation.scales).map { $0 / $1 }
    }

    /// The intercept for columns as given.
    public var intercept: Double {
        zip(coefficients, standardisation.means).reduce(targetMean) { $0 - $1.0 * $1.1 }
    }

    /// Fits on `features` and `targets` with no NaN left and at least two rows.
    init(fitting features: FeatureMatrix, targets: [Double], penalty: Double) throws(ForecastError) {
        let standardisation = ColumnStandardisation(of: features)
        let mean = targets.reduce(0, +) / Double(targets.count)
        let varying = standardisation.standardisedVaryingColumns(features)
        var coefficients = [Double](repeating: 0, count: features.columnCount)
        if varying.columns.isEmpty {
            method = .interceptOnly
        } else {
            let solution = try RidgeSystem.solve(
                z: varying.values, rows: features.rowCount, columns: varying.columns.count,
                centredTargets: targets.map { $0 - mean }, penalty: penalty)
            for (index, column) in varying.columns.enumerated() { coefficients[column] = solution.coefficients[index] }
            method = solution.method
        }
        columnNames = features.names
        self.standardisation = standardisation
        standardisedCoefficients = coefficients
        targetMean = mean
        self.penalty = penalty
        trainingRowCount = features.rowCount
    }

    /// The prediction for row `row` of `features` (already checked to have the fitted columns); NaN when a
    /// feature is NaN, since a linear model has no value to put in its place.
    func predict(row: Int, of features: FeatureMatrix) -> Double {
        var sum = targetMean
        for column in 0..<features.columnCount {
            let value = features[row, column]
            if value.isNaN { return .nan }  // constant columns too: the row is incomplete whatever its weight
            if standardisation.isConstant[column] { continue }
            sum += standardisedCoefficients[column] * (value - standardisation.means[column]) / standardisation.scales[column]
        }
        return sum
    }
}
