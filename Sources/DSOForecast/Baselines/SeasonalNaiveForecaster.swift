/// Seasonal naive: the same hour one week earlier (two weeks if that hour is missing) — load's strongest
/// simple reference (6.0 % MAPE on CAISO's 2018–19 load, issue 15).
public struct SeasonalNaiveForecaster: Forecaster {
    public let name = "seasonal-naive"
    public init() {}

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) -> [[Double]] {
        requests.map { request in
            let view = IssueTimeView(series, issueUnixSeconds: request.issueUnixSeconds)
            return request.targetHourStarts.map { hour in
                let week = view.value(atHourStart: hour - 7 * 86_400)
                return week.isNaN ? view.value(atHourStart: hour - 14 * 86_400) : week
            }
        }
    }
}
