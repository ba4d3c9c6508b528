import DSOForecast
import DSOService

/// The forecast layer of a checked configuration: the refresher `dsod run` and `dsod forecast run` drive.
enum ForecastAssembly {
    static func refresher(for configuration: ServiceConfiguration) -> ForecastRefresher? {
        guard let forecast = configuration.forecast, let historian = configuration.historian else { return nil }
        return ForecastRefresher(engine: ForecastEngine(settings: forecast.settings), targets: forecast.targets,
                                 history: TargetHistory(samplesPerHour: 3600 / historian.samplePeriodSeconds))
    }
}
