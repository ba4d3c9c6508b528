import DSOHistorian
import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing

/// What the forecast layer reads from and writes to the historian: hourly meter means across runs, and each
/// issued forecast, of which the latest per target and horizon is what the API serves.
@Suite struct ForecastStorageTests {
    @Test func telemetryIsAveragedPerResourceAndUTCHourAcrossRuns() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(path: folder.file("h.sqlite"))
            let hour = Double(Int64(1_780_000_000) / 3600 * 3600)
            try historian.beginRun()
            for second in stride(from: 0.0, to: 1800, by: 600) {
                historian.record(.telemetry(TelemetrySample(wallTimeSeconds: hour + second, timeSeconds: second, resource: 0,
                                                            measuredKW: -100 - second / 60, setpointKW: 5)))
            }
            // A missing measurement is not a sample; the next hour belongs to the next row.
            historian.record(.telemetry(TelemetrySample(wallTimeSeconds: hour + 1900, timeSeconds: 0, resource: 0, measuredKW: nil)))
            historian.record(.telemetry(TelemetrySample(wallTimeSeconds: hour + 3600, timeSeconds: 0, resource: 0, measuredKW: -300)))
            try historian.flush()
            try historian.beginRun()
            historian.record(.telemetry(TelemetrySample(wallTimeSeconds: hour + 2400, timeSeconds: 0, resource: 0, measuredKW: -130)))
            historian.record(.telemetry(TelemetrySample(wallTimeSeconds: hour + 10, timeSeconds: 0, resource: 1, measuredKW: 50)))
            try historian.flush()
            let hours = try historian.hourlyTelemetry(fromUnixSeconds: Int64(hour), toUnixSeconds: Int64(hour) + 7200)
            #expect(hours.count == 3, "\(hours)")
            let first = try #require(hours.first { $0.resource == 0 && $0.hourStartUnixSeconds == Int64(hour) })
            // (−100 − 110 − 120 − 130) / 4 over two runs.
            #expect(first.samples == 4 && abs(first.meanMeasuredKW + 115) < 1e-9 && first.meanSetpointKW == 5)
            #expect(hours.contains { $0.resource == 0 && $0.hourStartUnixSeconds == Int64(hour) + 3600 && $0.meanMeasuredKW == -300 })
            #expect(try historian.hourlyTelemetry(fromUnixSeconds: Int64(hour) + 3600, toUnixSeconds: Int64(hour) + 7200).count == 1)
            // Retention deletes the samples after `retentionDays`; their hourly means stay for `hourlyRetentionDays`.
            try historian.applyRetention(nowUnixSeconds: hour + 31 * 86_400)
            #expect(try historian.rowCounts()["telemetry"] == 0)
            #expect(try historian.hourlyTelemetry(fromUnixSeconds: 0, toUnixSeconds: .max).count == 3)
            try historian.applyRetention(nowUnixSeconds: hour + 401 * 86_400)
            #expect(try historian.hourlyTelemetry(fromUnixSeconds: 0, toUnixSeconds: .max).isEmpty)
        }
    }

    @Test func theLatestForecastOfEachTargetAndHorizonIsServed() async throws {
        try await TemporaryFolder.with { folder in
            let historian = try Historian(path: folder.file("h.sqlite"))
            try historian.beginRun()
            func forecast(_ target: String, _ horizon: String, issue: Int64, p50: Double) -> ForecastDocument {
                var hours: [ForecastHour] = []
                for index in 0..<3 {
                    let band: (Double?, Double?) = index == 0 ? (nil, nil) : (p50 - 10, p50 + 10)
                    let start: Int64 = issue + 3600 * Int64(index + 1)
                    hours.append(ForecastHour(startUnixSeconds: start, p10KW: band.0, p50KW: p50 + Double(index), p90KW: band.1))
                }
                return ForecastDocument(target: target, kind: "load", interfacePoint: "SUB-A", horizon: horizon,
                                        forecaster: "ridge", issueUnixSeconds: issue, issued: "", hours: hours)
            }
            let issue: Int64 = 1_780_000_000 / 900 * 900
            for (offset, p50) in [(0, 100.0), (900, 200.0), (1800, 300.0)] {
                historian.record(.forecast(forecast("SUB-A/load", "intraday", issue: issue + Int64(offset), p50: p50),
                                           wallTimeSeconds: Double(issue + Int64(offset))))
            }
            historian.record(.forecast(forecast("SUB-A/load", "day-ahead", issue: issue, p50: 50), wallTimeSeconds: Double(issue)))
            historian.record(.forecast(forecast("DR-A/dr-available", "day-ahead", issue: issue, p50: 7), wallTimeSeconds: Double(issue)))
            try historian.flush()
            let latest = try historian.latestForecasts()
            #expect(latest.map { "\($0.target) \($0.horizon)" } == ["DR-A/dr-available day-ahead", "SUB-A/load day-ahead", "SUB-A/load intraday"])
            let intraday = try #require(latest.last)
            #expect(intraday == forecast("SUB-A/load", "intraday", issue: issue + 1800, p50: 300).with(issued: intraday.issued))
            #expect(intraday.issued.hasSuffix("Z") && intraday.issued.count == 20, "RFC 3339 UTC: \(intraday.issued)")
            #expect(try historian.latestForecasts(target: "SUB-A/load", horizon: "day-ahead").map(\.hours.first?.p50KW) == [50])
            #expect(try historian.latestForecasts(horizon: "intraday").count == 1)
            let all = try historian.forecasts(target: "SUB-A/load", horizon: "intraday", issuedFromUnixSeconds: issue,
                                              toUnixSeconds: issue + 1800)
            #expect(all.map(\.issueUnixSeconds) == [issue, issue + 900] && all.allSatisfy { $0.hours.count == 3 })
            #expect(try historian.rowCounts()["forecast"] == 15)
        }
    }
}

extension ForecastDocument {
    func with(issued: String) -> ForecastDocument {
        var copy = self
        copy.issued = issued
        return copy
    }
}

/// A database written before v4 gets its hourly means summed in from the telemetry it already has.
@Suite struct HourlyRollupMigrationTests {
    @Test func existingTelemetryIsSummedIntoHourlyMeans() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.file("h.sqlite")
            do {
                let historian = try Historian(path: path)
                try historian.beginRun()
                for (second, kw) in [(0.0, 10.0), (60, 20), (3600, 5)] {
                    historian.record(.telemetry(TelemetrySample(wallTimeSeconds: 7200 + second, timeSeconds: 0, resource: 2, measuredKW: kw)))
                }
                try historian.stop()
            }
            // As if migrated from v3: drop the rollup and forget v4, then open again.
            _ = try SQLiteShell.query(path, """
                DROP TRIGGER telemetry_hour_rollup; DROP TABLE telemetry_hour; DROP TABLE forecast;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v4:%';
                """)
            let historian = try Historian(path: path)
            let hours = try historian.hourlyTelemetry(fromUnixSeconds: 0, toUnixSeconds: 20_000)
            #expect(hours.map(\.meanMeasuredKW) == [15, 5] && hours.map(\.samples) == [2, 1], "\(hours)")
        }
    }
}
