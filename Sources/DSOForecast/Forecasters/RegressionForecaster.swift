/// A learned forecaster: issue-time features into a `Regressor` (ridge on LAPACK, trees on XGBoost). Where a
/// prediction is missing (a needed lag was missing) it falls back to the similar-day baseline.
public struct RegressionForecaster<Model: Regressor>: Forecaster {
    public var name: String { model.name }
    public var isTrained: Bool { true }
    public private(set) var model: Model
    public let features: ForecastFeatures
    /// A feature column the model learns the target relative to (`y / column`), e.g. the last known day's mean
    /// load: the level moves with the season and the years, the shape around it much less.
    public let scaleColumn: String?
    private var fitted = false

    public init(model: Model, features: ForecastFeatures, scaleColumn: String? = nil) {
        self.model = model
        self.features = features
        self.scaleColumn = scaleColumn
    }

    /// The scale of each row (1 without a scale column; NaN where the column is missing or not positive).
    private func scales(_ matrix: FeatureMatrix) -> [Double] {
        guard let scaleColumn, let column = matrix.names.firstIndex(of: scaleColumn) else {
            return Array(repeating: 1, count: matrix.rowCount)
        }
        return (0..<matrix.rowCount).map { row in
            let value = matrix[row, column]
            return value.isFinite && value > 0 ? value : .nan
        }
    }

    public mutating func train(series: HourlySeries, context: ForecastContext, requests: [ForecastRequest]) throws(ForecastError) {
        let matrix = features.matrix(requests, series: series, context: context)
        let targets = zip(ForecastFeatures.targets(requests, series: series), scales(matrix)).map { $0 / $1 }
        try model.fit(matrix, targets: targets)
        fitted = true
    }

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) throws(ForecastError) -> [[Double]] {
        guard fitted else { throw ForecastError("\(name): forecast before train") }
        let matrix = features.matrix(requests, series: series, context: context)
        let predictions = zip(try model.predict(matrix), scales(matrix)).map { $0 * $1 }
        // The similar-day value is one of the features already: the fallback reads it from the matrix.
        let fallback = matrix.names.firstIndex(of: ForecastFeatures.similarDaysColumn)!
        var offset = 0
        return requests.map { request in
            defer { offset += request.targetHourStarts.count }
            return (offset..<offset + request.targetHourStarts.count).map { row in
                predictions[row].isNaN ? matrix[row, fallback] : predictions[row]
            }
        }
    }
}
