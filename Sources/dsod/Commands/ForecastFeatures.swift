import ArgumentParser
import DSOForecast
import Foundation

/// `dsod forecast features`: the learned forecasters' issue-time features as CSV, so an independent library
/// (Python's xgboost, lightgbm) can be trained on exactly what dsod's models see (Bench/forecast-peers.py).
struct ForecastFeatureExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Write the day-ahead training and test features (as of each issue time) to CSV."
    )

    @OptionGroup var input: ForecastSeriesOptions
    @Option(help: "Last target day of the training set (YYYY-MM-DD).") var trainUntil: String
    @Option(help: "Test days FROM..TO (YYYY-MM-DD..YYYY-MM-DD, local).") var test: String
    @Option(help: "Day-ahead issue time, local (HH:MM).") var issue = "10:00"
    @Flag(help: "Columns for linear models (one-hot hour and weekday) instead of trees.") var oneHot = false
    @Option(help: "Folder for train.csv and test.csv.") var out: String

    func run() throws {
        do {
            let (from, to) = try parseDays(test, option: "--test")
            let until = try parseDay(trainUntil, option: "--train-until")
            let (series, context, _) = try input.load()
            let horizon = try parseIssueTime(issue)
            let firstDay = context.zone.local(series.startUnixSeconds).day.adding(days: 15)
            let features = ForecastFeatures(oneHotCalendar: oneHot)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, requests) in [("train", horizon.requests(from: firstDay, to: until, zone: context.zone)),
                                     ("test", horizon.requests(from: from, to: to, zone: context.zone))] {
                let matrix = features.matrix(requests, series: series, context: context)
                let targets = ForecastFeatures.targets(requests, series: series)
                let hours = requests.flatMap(\.targetHourStarts)
                var lines = [(["hour_start_unix"] + matrix.names + ["target"]).joined(separator: ",")]
                for row in 0..<matrix.rowCount {
                    let cells = (0..<matrix.columnCount).map { column in
                        let value = matrix[row, column]
                        return value.isFinite ? "\(value)" : ""
                    }
                    lines.append((["\(hours[row])"] + cells + [targets[row].isFinite ? "\(targets[row])" : ""]).joined(separator: ","))
                }
                try (lines.joined(separator: "\n") + "\n").write(toFile: "\(out)/\(name).csv", atomically: true, encoding: .utf8)
                FileHandle.standardError.write(Data("\(out)/\(name).csv: \(matrix.rowCount) rows × \(matrix.columnCount) features\n".utf8))
            }
        } catch let error as ForecastError {
            throw CommandFailure(error.description)
        }
    }
}
