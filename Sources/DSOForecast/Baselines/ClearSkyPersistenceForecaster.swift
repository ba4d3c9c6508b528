/// Clear-sky-index persistence: the clear-sky index of the same hour of the latest day known at issue time,
/// times the target hour's clear sky — PV's reference forecast (Solar Forecast Arbiter), which carries the
/// weather forward but not the sun's geometry. Where the index is undefined (low sun), the clear-sky value.
public struct ClearSkyPersistenceForecaster: Forecaster {
    public let name = "clear-sky-persistence"
    public init() {}

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) throws(ForecastError) -> [[Double]] {
        guard let reference = context.clearSky else {
            throw ForecastError("\(name): needs the site's clear sky (--latitude and --longitude)")
        }
        return requests.map { request in
            let view = IssueTimeView(series, issueUnixSeconds: request.issueUnixSeconds)
            return request.targetHourStarts.map { hour in
                ClearSkyIndex.forecast(clearSky: reference.clearSky(atHourStart: hour),
                                       index: reference.latestIndex(sameHourAs: hour, in: view))
            }
        }
    }
}
