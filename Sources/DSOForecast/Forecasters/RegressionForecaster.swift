/// A learned forecaster: issue-time features into a `Regressor` (ridge on LAPACK, trees on XGBoost). Where a
/// prediction is missing (a needed lag was missing) it falls back to the similar-day baseline.
public struct RegressionForecaster<Model: Regressor>: Forecaster {
    public var name: String { model.name }
    public var isTrained: Bool { true }
    public private(set) var model: Model
    public let features: ForecastFeatures
    private var fitted = false

    public init(model: Model, features: ForecastFeatures) {
        self.model = model
        self.features = features
    }

    public mutating func train(series: HourlySeries, context: ForecastContext, requests: [ForecastRequest]) throws(ForecastError) {
        let matrix = features.matrix(requests, series: series, context: context)
        try model.fit(matrix, targets: ForecastFeatures.targets(requests, series: series))
        fitted = true
    }

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) throws(ForecastError) -> [[Double]] {
        guard fitted else { throw ForecastError("\(name): forecast before train") }
        let predictions = try model.predict(features.matrix(requests, series: series, context: context))
        let fallback = SimilarDayForecaster().forecast(requests, series: series, context: context)
        var offset = 0
        return requests.enumerated().map { index, request in
            defer { offset += request.targetHourStarts.count }
            return (0..<request.targetHourStarts.count).map { hour in
                let value = predictions[offset + hour]
                return value.isNaN ? fallback[index][hour] : value
            }
        }
    }
}
