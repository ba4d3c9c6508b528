/// Features of the hours a forecaster learns from or predicts, one row per hour, in the layout LAPACK and
/// XGBoost take without copying (row-major, contiguous).
public struct FeatureMatrix: Sendable, Hashable {
    /// Column names, for reports and for checking that training and prediction agree.
    public let names: [String]
    public private(set) var rowCount: Int
    /// Row-major values: row r, column c at `values[r * columnCount + c]`. NaN marks a missing value.
    public private(set) var values: [Double]

    public var columnCount: Int { names.count }

    public init(names: [String]) {
        self.names = names
        rowCount = 0
        values = []
    }

    /// A matrix of `rows` × `names.count` values given row-major.
    public init(names: [String], rowMajor values: [Double]) {
        precondition(names.isEmpty ? values.isEmpty : values.count % names.count == 0,
                     "FeatureMatrix: \(values.count) values do not fill rows of \(names.count) columns")
        self.names = names
        self.values = values
        rowCount = names.isEmpty ? 0 : values.count / names.count
    }

    /// Appends one row (its count must equal the column count).
    public mutating func append(row: [Double]) {
        precondition(row.count == columnCount, "FeatureMatrix: a row of \(row.count) values for \(columnCount) columns")
        values.append(contentsOf: row)
        rowCount += 1
    }

    public subscript(row: Int, column: Int) -> Double {
        values[row * columnCount + column]
    }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: some Sequence<Int>) -> FeatureMatrix {
        var selected = FeatureMatrix(names: names)
        for index in indices {
            selected.values.append(contentsOf: values[index * columnCount..<(index + 1) * columnCount])
            selected.rowCount += 1
        }
        return selected
    }
}

/// A model that learns y from a feature matrix and predicts it for new rows: the regression forecasters'
/// engines (ridge on LAPACK, gradient-boosted trees on XGBoost).
public protocol Regressor: Sendable {
    /// A short name for reports (`ridge`, `xgboost`).
    var name: String { get }
    /// Learns from `features` (one row per observation) and the observed `targets`; rows whose target is NaN
    /// are skipped. Throws a `ForecastError` naming what was wrong (too few rows, a singular system…).
    mutating func fit(_ features: FeatureMatrix, targets: [Double]) throws(ForecastError)
    /// Predictions for each row of `features` (same columns as in `fit`).
    func predict(_ features: FeatureMatrix) throws(ForecastError) -> [Double]
}
