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

    @Option(help: "The CSV file of the series.") var series: String
    @Option(help: "Its time column (two columns joined by '+', e.g. a TMY3 file's 'Date (MM/DD/YYYY)+Time (HH:MM)').") var time: String
    @Option(help: "Its value column.") var value: String
    @Option(help: "Whether a time stamps the start or the end of its hour (EIA-930 and TMY3: end): start or end.") var stamp = "start"
    @Option(help: "Zone of times written without an offset (IANA name, UTC, or UTC-05:00).") var inputTimezone = "UTC"
    @Option(help: "Lines above the header that are not comments (TMY3: 1).") var skipLines = 0
    @Option(help: "Gaps of at most this many hours are filled linearly and reported.") var fillGapsHours = 3
    @Option(help: "Cell texts that mean a missing hour besides an empty cell, comma-separated (e.g. MISSING,EMPTY).") var missing = ""
    @Option(help: "A column of the series file holding another forecast to score beside (CAISO's).") var reference: String?
    @Option(help: "A CSV of weather (read at target hours as a forecast; observed weather = a perfect forecast).") var weather: String?
    @Option(help: "The weather file's time column (default: its first column).") var weatherTime: String?
    @Option(help: "Weather columns to use, comma-separated.") var weatherColumns: String?
    @Option(help: "load or pv.") var kind = "load"
    @Option(help: "day-ahead or intraday.") var horizon: HorizonName = .dayAhead
    @Option(help: "Day-ahead issue time, local (HH:MM).") var issue = "10:00"
    @Option(help: "Intraday: hours ahead of each issue.") var intradayHours = 6
    @Option(help: "Intraday: minutes between issues.") var everyMinutes = 15
    @Option(help: "The market's time zone (operating days, hours of day, the issue time).") var timezone = "America/Los_Angeles"
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
        let zone = try MarketTimeZone(timezone)
        guard let stamp = SeriesCSV.Stamp(rawValue: stamp) else { throw ForecastError("--stamp '\(self.stamp)': expected start or end") }
        guard let kind = ForecastContext.Kind(rawValue: kind) else { throw ForecastError("--kind '\(self.kind)': expected load or pv") }
        let days = test.components(separatedBy: "..")
        guard days.count == 2, let from = LocalDate(text: days[0]), let to = LocalDate(text: days[1]) else {
            throw ForecastError("--test '\(test)': expected FROM..TO as YYYY-MM-DD..YYYY-MM-DD")
        }
        var reader = SeriesCSV(timeColumn: time, valueColumn: value)
        reader.stamp = stamp
        reader.inputTimeZone = try MarketTimeZone(inputTimezone)
        reader.skipLines = skipLines
        reader.fillGapsUpToHours = fillGapsHours
        reader.missingMarkers = Set(missing.split(separator: ",").map(String.init))
        let (loaded, repairs) = try reader.load(path: series)
        FileHandle.standardError.write(Data("series: \(loaded.count) hours from \(UTCTimestamp.text(unixSeconds: Double(loaded.startUnixSeconds))); \(repairs.filledHours) filled, \(repairs.missingHours) missing, \(repairs.emptyCells) empty cells\n".utf8))
        var referenceSeries: (name: String, series: HourlySeries)?
        if let reference {
            var referenceReader = reader
            referenceReader.valueColumn = reference
            referenceSeries = (reference, try referenceReader.load(path: series).series)
        }
        var context = ForecastContext(kind: kind, zone: zone)
        if let weather {
            context.weather = try WeatherCSV.load(path: weather, timeColumn: weatherTime, columns: weatherColumns, base: reader)
        }
        var configuration = Backtest.Configuration(testFrom: from, testTo: to)
        configuration.horizon = try horizonValue()
        configuration.trainUntil = try trainUntil.map { text throws(ForecastError) in
            guard let day = LocalDate(text: text) else { throw ForecastError("--train-until '\(text)': expected YYYY-MM-DD") }
            return day
        }
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
            let parts = issue.split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
                  (0..<60).contains(minute) else { throw ForecastError("--issue '\(issue)': expected HH:MM") }
            return .dayAhead(issueHour: hour, issueMinute: minute)
        case .intraday:
            guard (1...48).contains(intradayHours), (1...60).contains(everyMinutes) else {
                throw ForecastError("--intraday-hours \(intradayHours) / --every-minutes \(everyMinutes): expected 1…48 hours and 1…60 minutes")
            }
            return .intraday(hours: intradayHours, everyMinutes: everyMinutes)
        }
    }
}

