import DSOForecast
import Testing

/// Bands from out-of-sample errors on a series with known noise: the P10–P90 band covers about 80 % of hours
/// and is as wide as the noise says.
@Suite struct QuantileCoverageTests {
    @Test func p10ToP90CoversEightyPercentOfNormalNoise() throws {
        let sigma = 50.0
        var generator = SplitMix(seed: 11)
        let start: Int64 = 1_514_764_800  // 2018-01-01 00:00 UTC
        // The same daily shape every day plus independent normal noise; no weekly pattern, no holidays that matter
        // to a forecaster averaging working days only (the noise is the only error).
        let series = HourlySeries(startUnixSeconds: start, values: (0..<330 * 24).map { hour in
            2_000 + 400 * Double(hour % 24) / 23 + generator.normal() * sigma
        })
        var configuration = Backtest.Configuration(testFrom: LocalDate(year: 2018, month: 5, day: 1),
                                                   testTo: LocalDate(year: 2018, month: 11, day: 20))
        configuration.warmupDays = 60
        let result = try Backtest(configuration: configuration, forecasters: [SeasonalNaiveForecaster()])
            .run(series: series, context: ForecastContext(kind: .load, zone: .utc))
        let score = try #require(result.scores.first)
        let coverage = try #require(score.coveragePercent)
        #expect(score.hours == 204 * 24)
        #expect(coverage > 75 && coverage < 85, "P10–P90 coverage \(coverage) %")
        // A week-old copy of the shape: the error is the difference of two noises, σ√2; P90 − P10 = 2 × 1.2816 σ√2.
        let widths = result.hours.map { $0.bands[0][2] - $0.bands[0][0] }.sorted()
        let median = widths[widths.count / 2]
        let expected = 2 * 1.2816 * sigma * 2.0.squareRoot()
        #expect(abs(median - expected) / expected < 0.15, "median band width \(median), expected \(expected)")
        #expect(abs(score.rmse - sigma * 2.0.squareRoot()) / (sigma * 2.0.squareRoot()) < 0.05, "RMSE \(score.rmse)")
    }
}
