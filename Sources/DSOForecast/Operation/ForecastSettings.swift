/// How the service forecasts (`[forecast]` in the service TOML, docs/configuration.md): which forecaster, when
/// the day-ahead forecast is due, how far intraday looks and how often, and how much history trains it.
public struct ForecastSettings: Sendable {
    /// The forecaster wanted (`ensemble` by default); a target with too little history for it gets the best
    /// baseline that its history allows (`TrainedTarget.ladder`), named in every forecast it issues.
    public var forecaster = "ensemble"
    /// The market's time zone: operating days, hours of day, the day-ahead deadline.
    public var zone: MarketTimeZone = .pacific
    /// The day-ahead deadline, local (CAISO's day-ahead market closes at 10:00 the day before).
    public var dayAheadIssueHour = 10
    public var dayAheadIssueMinute = 0
    /// Intraday: hours ahead and minutes between forecasts.
    public var intradayHours = 6
    public var refreshMinutes = 15
    /// Days of history each training reads (and the series' span back from now).
    public var historyDays = 56
    /// Latest days held out of a first fit and forecast as of their own issue times, so P10/P90 come from
    /// errors the forecaster really made out of sample.
    public var holdoutDays = 14
    /// Quantile levels: the first and last are the band (P10, P90).
    public var levels = [0.1, 0.5, 0.9]
    /// The site, for PV targets' clear sky.
    public var site: SolarSite?
    public var clearSkyModel: ClearSkyModel = .haurwitz
    /// Weather forecasts by name, read at target hours (none: the forecasters use calendar and lags only).
    public var weather: [(name: String, series: HourlySeries)] = []

    public init() {}

    /// Checks the values a configuration file gave, naming the key at fault.
    public func validate() throws(ForecastError) {
        guard (0..<24).contains(dayAheadIssueHour), (0..<60).contains(dayAheadIssueMinute) else {
            throw ForecastError("day_ahead_issue \(dayAheadIssueHour):\(dayAheadIssueMinute): expected HH:MM")
        }
        guard (1...48).contains(intradayHours) else { throw ForecastError("intraday_hours \(intradayHours): expected 1…48") }
        guard (1...60).contains(refreshMinutes), 60 % refreshMinutes == 0 else {
            throw ForecastError("refresh_minutes \(refreshMinutes): expected a divisor of 60 (5, 15, 30…)")
        }
        guard (2...730).contains(historyDays) else { throw ForecastError("history_days \(historyDays): expected 2…730") }
        guard (0...60).contains(holdoutDays), holdoutDays < historyDays else {
            throw ForecastError("holdout_days \(holdoutDays): expected 0…60 and fewer than history_days (\(historyDays))")
        }
        _ = try ForecasterCatalog.make([forecaster], kind: .load)
    }
}
