/// Each column's mean and spread over the training rows, so that the ridge penalty weighs every feature
/// alike whatever its unit (°C, hour of day, kW) and prediction rows are scaled exactly as training rows were.
public struct ColumnStandardisation: Sendable, Hashable {
    /// Column means over the training rows.
    public let means: [Double]
    /// Population standard deviations (divisor n) over the training rows; 1 for a constant column, which
    /// gets a zero coefficient (the intercept carries its level).
    public let scales: [Double]
    /// Which columns held one value in every training row.
    public let isConstant: [Bool]

    /// Means and spreads of the columns of `features` (no NaN: the caller dropped those rows).
    init(of features: FeatureMatrix) {
        let count = Double(features.rowCount)
        var means: [Double] = []
        var scales: [Double] = []
        var isConstant: [Bool] = []
        for column in 0..<features.columnCount {
            var sum = 0.0
            var low = Double.infinity
            var high = -Double.infinity
            for row in 0..<features.rowCount {
                let value = features[row, column]
                sum += value
                low = min(low, value)
                high = max(high, value)
            }
            let mean = sum / count
            // Exact equality, not a tolerance: a column of 0.1s has a rounded mean a hair off 0.1, and scaling
            // its rounding noise up to unit spread would invent a feature.
            let constant = low == high
            var squares = 0.0
            for row in 0..<features.rowCount {
                let deviation = features[row, column] - mean
                squares += deviation * deviation
            }
            means.append(constant ? low : mean)
            scales.append(constant ? 1 : (squares / count).squareRoot())
            isConstant.append(constant)
        }
        self.means = means
        self.scales = scales
        self.isConstant = isConstant
    }

    /// The non-constant columns of `features`, centred and scaled, row-major: the columns a ridge system is
    /// solved over (a constant column's coefficient is 0 by definition, not by a solver's rounding).
    func standardisedVaryingColumns(_ features: FeatureMatrix) -> (values: [Double], columns: [Int]) {
        let columns = features.names.indices.filter { !isConstant[$0] }
        var values: [Double] = []
        values.reserveCapacity(features.rowCount * columns.count)
        for row in 0..<features.rowCount {
            for column in columns {
                values.append((features[row, column] - means[column]) / scales[column])
            }
        }
        return (values, columns)
    }
}
