import ArgumentParser

/// `dsod forecast`: the forecast layer from the command line.
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast load, PV and DR availability; backtest the forecasters on any CSV.",
        subcommands: [ForecastBacktest.self, ForecastFeatureExport.self, ForecastRun.self]
    )
}
