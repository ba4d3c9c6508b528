import DSOModel
import Foundation

/// A backtest for people and scripts: the score table, JSON, a per-hour CSV and an SVG of forecast against
/// actual with the P10–P90 band.
public enum BacktestReport {
    /// The table `dsod forecast backtest` prints: one line per forecaster, the reference last, skill per baseline.
    public static func table(_ result: Backtest.Result, kind: ForecastContext.Kind) -> String {
        let isPV = kind == .pv
        var lines: [String] = []
        let skillHeads = result.baselines.map { "skill vs \($0)" }
        let heads = ["forecaster", "MAPE %", "MAE", "RMSE", isPV ? "RMSE % cap" : nil, "pinball", "P10–P90 %"].compactMap { $0 } + skillHeads
        lines.append(heads.joined(separator: " | "))
        func number(_ value: Double?, _ digits: Int = 2) -> String {
            guard let value, value.isFinite else { return "–" }
            return String(format: "%.\(digits)f", value)
        }
        let rows = result.scores + (result.referenceScore.map { [$0] } ?? [])
        for score in rows {
            var cells = [score.forecaster + (score.forecaster == result.best ? " *" : ""), number(score.mapePercent),
                         number(score.mae, 1), number(score.rmse, 1)]
            if isPV { cells.append(number(score.rmsePercentOfCapacity)) }
            cells += [number(score.pinballLoss, 1), number(score.coveragePercent, 1)]
            cells += result.baselines.map { baseline in number(score.skillPercent[baseline], 1) + (score.skillPercent[baseline] == nil ? "" : " %") }
            lines.append(cells.joined(separator: " | "))
        }
        let hours = rows.first?.hours ?? 0
        lines.append("\(hours) hours scored; * best by \(isPV ? "RMSE" : "MAPE")"
                     + (result.referenceScore.map { "; reference \($0.forecaster) on the same hours" } ?? ""))
        return lines.joined(separator: "\n")
    }

    /// The scores as JSON (`--json`).
    public static func json(_ result: Backtest.Result) throws -> String {
        struct Document: Encodable {
            var best: String
            var capacity: Double
            var levels: [Double]
            var scores: [ForecastScore]
            var reference: ForecastScore?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(Document(best: result.best, capacity: result.capacity, levels: result.levels,
                                               scores: result.scores, reference: result.referenceScore))
        return String(decoding: data, as: UTF8.self)
    }

    /// `hours.csv` (every scored hour: UTC and local time, actual, each forecaster's P50 and band) and
    /// `forecast.svg` (the best forecaster over the first 14 test days) in `directory`.
    public static func write(_ result: Backtest.Result, to directory: String, zone: MarketTimeZone) throws(ForecastError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try csv(result, zone: zone).write(toFile: directory + "/hours.csv", atomically: true, encoding: .utf8)
            try svg(result, zone: zone).write(toFile: directory + "/forecast.svg", atomically: true, encoding: .utf8)
        } catch {
            throw ForecastError("--report \(directory): cannot write the report: \(error)")
        }
    }

    static func csv(_ result: Backtest.Result, zone: MarketTimeZone) -> String {
        func cell(_ value: Double) -> String { value.isFinite ? String(format: "%.3f", value) : "" }
        var header = ["issue_utc", "hour_start_utc", "local_date", "local_hour", "actual"]
        if let name = result.referenceScore?.forecaster { header.append(name) }
        for name in result.forecasters {
            header += result.levels.map { level in level == 0.5 ? "\(name)_p50" : "\(name)_p\(Int((level * 100).rounded()))" }
        }
        var lines = [header.joined(separator: ",")]
        lines.reserveCapacity(result.hours.count + 1)
        for hour in result.hours {
            let local = zone.local(hour.hourStart)
            var cells = [UTCTimestamp.text(unixSeconds: Double(hour.issueUnixSeconds)),
                         UTCTimestamp.text(unixSeconds: Double(hour.hourStart)), "\(local.day)", "\(local.hour)",
                         cell(hour.actual)]
            if result.referenceScore != nil { cells.append(cell(hour.reference ?? .nan)) }
            for position in result.forecasters.indices {
                cells += result.levels.enumerated().map { index, level in
                    level == 0.5 ? cell(hour.medians[position]) : cell(hour.bands[position][index])
                }
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
