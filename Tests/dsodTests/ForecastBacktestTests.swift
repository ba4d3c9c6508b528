import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod forecast backtest` end to end on a small load file made here: every forecaster scored beside the
/// file's own forecast column, JSON for scripts, the per-hour CSV and the SVG — and bad input refused cleanly.
@Suite struct ForecastBacktestTests {
    /// 200 days of hour-ending UTC load with daily, weekly and temperature-driven parts, a "utility forecast"
    /// column, and a temperature file.
    static func writeFixture(in folder: TemporaryFolder) throws -> (series: String, weather: String) {
        var load = ["time,load_mw,utility_forecast_mw"]
        var weather = ["time_utc,temp_c"]
        var state: UInt64 = 42
        func noise() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        let start = 1_530_403_200  // 2018-07-01 00:00 UTC
        for hour in 0..<200 * 24 {
            let time = Date(timeIntervalSince1970: TimeInterval(start + hour * 3600))
            let local = (hour + 24 - 7) % 24
            let temperature = 20 + 8 * sin(Double(local - 9) / 24 * 2 * .pi) + 6 * sin(Double(hour) / 24 / 9) + noise() * 2
            let weekday = ((hour - 7 * 3600 / 3600) / 24 + 0) % 7
            let value = 25_000 + 4_000 * sin(Double(local - 10) / 24 * 2 * .pi) + (weekday >= 5 ? -2_500 : 0)
                + 600 * max(0, temperature - 22) + noise() * 800
            let stamp = Self.formatter.string(from: time.addingTimeInterval(3600))
            load.append("\(stamp),\(String(format: "%.1f", value)),\(String(format: "%.1f", value * (1 + noise() * 0.06)))")
            weather.append("\(Self.formatter.string(from: time)),\(String(format: "%.1f", temperature))")
        }
        return (try folder.write("load.csv", load.joined(separator: "\n")),
                try folder.write("weather.csv", weather.joined(separator: "\n")))
    }

    static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()

    @Test func everyForecasterIsScoredBesideTheFilesOwnForecast() async throws {
        try await TemporaryFolder.with { folder in
            let (series, weather) = try Self.writeFixture(in: folder)
            let report = folder.file("report")
            let result = try await BuiltExecutable.dsod.run([
                "forecast", "backtest", "--series", series, "--time", "time", "--value", "load_mw", "--stamp", "end",
                "--reference", "utility_forecast_mw", "--weather", weather, "--weather-columns", "temp_c",
                "--test", "2018-11-01..2018-12-31", "--train-until", "2018-09-30", "--report", report, "--json",
            ], in: folder, timeoutSeconds: 300)
            #expect(result.exited && result.status == 0, "\(result)")
            #expect(result.stderr.contains("progress 100 %"), "progress on long runs: \(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
            let scores = try #require(document["scores"] as? [[String: Any]])
            let names = scores.compactMap { $0["forecaster"] as? String }
            #expect(names == ["persistence", "seasonal-naive", "similar-day", "ridge", "xgboost", "ensemble"], "\(names)")
            let hours = Set(scores.compactMap { $0["hours"] as? Int })
            #expect(hours.count == 1 && (hours.first ?? 0) > 55 * 24, "all scored on the same hours: \(hours)")
            let mape = Dictionary(uniqueKeysWithValues: scores.compactMap { score in
                (score["forecaster"] as? String).flatMap { name in (score["mapePercent"] as? Double).map { (name, $0) } }
            })
            #expect((mape["xgboost"] ?? 99) < (mape["seasonal-naive"] ?? 0), "\(mape)")
            #expect((mape["ridge"] ?? 99) < (mape["persistence"] ?? 0), "\(mape)")
            let reference = try #require(document["reference"] as? [String: Any])
            #expect(reference["forecaster"] as? String == "utility_forecast_mw")
            for score in scores {
                let coverage = try #require(score["coveragePercent"] as? Double, "\(score)")
                #expect(coverage > 50 && coverage < 98, "\(score)")
                let skill = try #require(score["skillPercent"] as? [String: Double])
                #expect(Set(skill.keys) == ["persistence", "seasonal-naive", "similar-day"])
            }
            let csv = try String(contentsOfFile: report + "/hours.csv", encoding: .utf8).split(separator: "\n")
            #expect(csv.first?.hasPrefix("issue_utc,hour_start_utc,local_date,local_hour,actual,utility_forecast_mw,persistence_p10,persistence_p50") == true,
                    "\(csv.first ?? "")")
            let expectedRows = 1 + 61 * 24 + 1  // the header, 61 Pacific days of which one has 25 hours
            #expect(csv.count == expectedRows, "one row per test hour: \(csv.count)")
            let svg = try String(contentsOfFile: report + "/forecast.svg", encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.contains("<polygon") && svg.contains("P10–P90"))
        }
    }

    @Test(arguments: [
        (["--test", "2018-11-01"], "--test '2018-11-01': expected FROM..TO"),
        (["--test", "2018-11-01..2018-11-03", "--kind", "wind"], "--kind 'wind': expected load or pv"),
        (["--test", "2018-11-01..2018-11-03", "--value", "nope"], "no column 'nope'"),
        (["--test", "2018-11-01..2018-11-03", "--forecasters", "oracle"], "forecaster 'oracle': expected one of"),
        (["--test", "2018-11-01..2018-11-03", "--timezone", "Mars/Olympus"], "time zone 'Mars/Olympus'"),
    ])
    func badArgumentsAreRefusedNamingThem(_ extra: [String], _ message: String) async throws {
        try await TemporaryFolder.with { folder in
            let (series, _) = try Self.writeFixture(in: folder)
            var arguments = ["forecast", "backtest", "--series", series, "--time", "time", "--stamp", "end"]
            if !extra.contains("--value") { arguments += ["--value", "load_mw"] }
            arguments += extra
            let result = try await BuiltExecutable.dsod.run(arguments, in: folder, timeoutSeconds: 120)
            #expect(result.exited && result.status != 0 && !result.looksLikeACrash, "\(result)")
            #expect(result.stderr.contains(message), "\(result)")
        }
    }
}
