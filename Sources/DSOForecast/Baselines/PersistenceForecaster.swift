/// Persistence: the same hour of the latest day known at issue time (for a 10:00 day-ahead issue, the day
/// before for the morning hours and two days before for the rest) — the baseline every forecast must beat.
public struct PersistenceForecaster: Forecaster {
    public let name = "persistence"
    public init() {}

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) -> [[Double]] {
        requests.map { request in
            let view = IssueTimeView(series, issueUnixSeconds: request.issueUnixSeconds)
            return request.targetHourStarts.map { view.latestSameHour(before: $0) }
        }
    }
}
