/// A way of forecasting an hourly series: a baseline, or a learned model. It sees history only through an
/// `IssueTimeView` cut at each request's issue time, so it cannot use what was not yet known.
public protocol Forecaster: Sendable {
    /// The name in reports (`persistence`, `seasonal-naive`, `ridge`, `xgboost`…).
    var name: String { get }
    /// Whether `train` learns anything (baselines do not; the backtest refits only those that do).
    var isTrained: Bool { get }
    /// Learns from past `requests` whose target hours are all observed in `series` (each request's features
    /// are built as of its own issue time).
    mutating func train(series: HourlySeries, context: ForecastContext, requests: [ForecastRequest]) throws(ForecastError)
    /// The P50 for each target hour of each request, in order (NaN where it has nothing to say).
    func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) throws(ForecastError) -> [[Double]]
}

extension Forecaster {
    public var isTrained: Bool { false }
    public mutating func train(series: HourlySeries, context: ForecastContext, requests: [ForecastRequest]) throws(ForecastError) {}
}

/// What a forecaster may know besides the series: the market's time zone, the kind of series, and weather
/// for the target hours (a weather forecast; in backtests the observed weather stands in for a perfect one).
public struct ForecastContext: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case load, pv }

    public var kind: Kind
    public var zone: MarketTimeZone
    /// Weather series by name (°C, W/m²…), read at target hours as a forecast.
    public var weather: [(name: String, series: HourlySeries)]
    /// PV: the site's clear-sky envelope over the series and the forecast hours (needed by the PV forecasters).
    public var clearSky: ClearSkyReference?

    public init(kind: Kind = .load, zone: MarketTimeZone = .pacific, weather: [(name: String, series: HourlySeries)] = []) {
        self.kind = kind
        self.zone = zone
        self.weather = weather
    }
}
