import ArgumentParser
import DSOForecast
import DSOModel
import Foundation

/// `dsod forecast backtest`: a rolling-origin backtest of every forecaster on a CSV series, as of each issue time.
struct ForecastBacktest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest every forecaster on an hourly CSV series and print how good each is.",
        discussion: """
            Each test day is forecast as of its issue time (day-ahead: --issue the day before, local time) from
            data known then; learned forecasters are refitted every --refit-days. Prints MAPE, MAE, RMSE (PV: %
            of capacity), pinball loss and P10–P90 coverage, and skill against each baseline.
            Example: dsod forecast backtest --series load.csv --time date_time --value "cleaned demand (MW)" \\
              --stamp end --reference "forecast demand (MW)" --test 2018-07-01..2019-06-30
            """
    )

    @OptionGroup var input: ForecastSeriesOptions
    @Option(help: "A column of the series file holding another forecast to score beside (CAISO's).") var reference: String?
    @Option(help: "day-ahead or intraday.") var horizon: HorizonName = .dayAhead
    @Option(help: "Day-ahead issue time, local (HH:MM).") var issue = "10:00"
    @Option(help: "Intraday: hours ahead of each issue.") var intradayHours = 6
    @Option(help: "Intraday: minutes between issues.") var everyMinutes = 15
    @Option(help: "Last day of the first training set (YYYY-MM-DD; default: before the warm-up).") var trainUntil: String?
    @Option(help: "Test days FROM..TO (YYYY-MM-DD..YYYY-MM-DD, local).") var test: String
    @Option(help: "Refit the learned forecasters every this many days.") var refitDays = 28
    @Option(help: "Unscored days before the test whose errors seed the P10–P90 bands.") var warmupDays = 28
    @Option(help: "Forecasters, comma-separated (default: all).") var forecasters: String?
    @Option(help: "PV capacity for % of capacity (default: the series' maximum).") var capacity: Double?
    @Option(help: "Write per-hour CSV and an SVG plot here.") var report: String?
    @Flag(help: "Print the result as JSON.") var json = false

    enum HorizonName: String, ExpressibleByArgument, CaseIterable {
        case dayAhead = "day-ahead", intraday
    }

    func run() throws {
        do {
            try backtest()
        } catch let error as ForecastError {
            throw CommandFailure(error.description)
        }
    }

    private func backtest() throws {
        let (from, to) = try parseDays(test, option: "--test")
        let (loaded, context, reader) = try input.load()
        let kind = context.kind, zone = context.zone
        var referenceSeries: (name: String, series: HourlySeries)?
        if let reference {
            var referenceReader = reader
            referenceReader.valueColumn = reference
            referenceSeries = (reference, try referenceReader.load(path: input.series).series)
        }
        var configuration = Backtest.Configuration(testFrom: from, testTo: to)
        configuration.horizon = try horizonValue()
        configuration.trainUntil = try trainUntil.map { text throws(ForecastError) in try parseDay(text, option: "--train-until") }
        configuration.refitDays = refitDays
        configuration.warmupDays = warmupDays
        configuration.capacity = capacity
        let names = forecasters?.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            ?? ForecasterCatalog.names(kind: kind)
        let backtest = Backtest(configuration: configuration, forecasters: try ForecasterCatalog.make(names, kind: kind),
                                reference: referenceSeries)
        let started = Date()
        var lastPrinted = -1
        let result = try backtest.run(series: loaded, context: context) { fraction in
            let percent = Int(fraction * 100)
            if percent / 10 != lastPrinted / 10 {
                lastPrinted = percent
                FileHandle.standardError.write(Data("progress \(percent) % (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)\n".utf8))
            }
        }
        if json {
            print(try BacktestReport.json(result))
        } else {
            print(BacktestReport.table(result, kind: kind))
        }
        if let report {
            try BacktestReport.write(result, to: report, zone: zone)
            FileHandle.standardError.write(Data("report: \(report)/hours.csv, \(report)/forecast.svg\n".utf8))
        }
    }

    private func horizonValue() throws(ForecastError) -> ForecastHorizon {
        switch horizon {
        case .dayAhead:
            return try parseIssueTime(issue)
        case .intraday:
            guard (1...48).contains(intradayHours), (1...60).contains(everyMinutes) else {
                throw ForecastError("--intraday-hours \(intradayHours) / --every-minutes \(everyMinutes): expected 1…48 hours and 1…60 minutes")
            }
            return .intraday(hours: intradayHours, everyMinutes: everyMinutes)
        }
    }
}

