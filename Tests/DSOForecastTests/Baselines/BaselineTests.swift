import DSOForecast
import Testing

/// Each baseline against values computed by hand on a series whose every hour says when it is.
@Suite struct BaselineTests {
    /// 2019-01-01 00:00 UTC; value = day number × 100 + hour, so a forecast names the hour it copied.
    static let start: Int64 = 1_546_300_800
    static func series(days: Int) -> HourlySeries {
        HourlySeries(startUnixSeconds: start, values: (0..<days * 24).map { Double($0 / 24 * 100 + $0 % 24) })
    }
    let context = ForecastContext(kind: .load, zone: .utc)

    /// Issued 2019-01-20 10:00 UTC for 2019-01-21 (day 20): hours before 10:00 of day 19 are known.
    var request: ForecastRequest {
        ForecastHorizon.caisoDayAhead.requests(from: LocalDate(year: 2019, month: 1, day: 21),
                                               to: LocalDate(year: 2019, month: 1, day: 21), zone: .utc)[0]
    }

    @Test func theDayAheadRequestIsIssuedTheDayBeforeAtTenForTheNextDaysHours() {
        #expect(request.issueUnixSeconds == Self.start + 19 * 86_400 + 10 * 3600)
        #expect(request.targetHourStarts == (0..<24).map { Self.start + 20 * 86_400 + Int64($0) * 3600 })
    }

    @Test func persistenceTakesTheLatestKnownSameHour() {
        let forecast = PersistenceForecaster().forecast([request], series: Self.series(days: 40), context: context)[0]
        // Hours 0–9 of day 19 are known (ended by 10:00); hours 10–23 come from day 18.
        let expected: [Double] = (0..<24).map { hour in Double((hour < 10 ? 1900 : 1800) + hour) }
        #expect(forecast == expected)
    }

    @Test func seasonalNaiveTakesTheSameHourAWeekEarlier() {
        let forecast = SeasonalNaiveForecaster().forecast([request], series: Self.series(days: 40), context: context)[0]
        let lastWeek: [Double] = (0..<24).map { hour in Double(1300 + hour) }
        #expect(forecast == lastWeek)
        // With that week missing, two weeks earlier.
        var gappy = Self.series(days: 40)
        for hour in 13 * 24..<14 * 24 { gappy.values[hour] = .nan }
        let twoWeeks: [Double] = (0..<24).map { hour in Double(600 + hour) }
        #expect(SeasonalNaiveForecaster().forecast([request], series: gappy, context: context)[0] == twoWeeks)
    }

    @Test func similarDaysAverageTheLastTenWorkingDaysOrFourWeekendDays() {
        // 2019-01-21 (day 20) is a Monday, not a NERC holiday. Issued 2019-01-20 10:00, the fully known days end
        // with 2019-01-19; the ten latest working days are 2019-01-18 … 14 and 11 … 7 (days 17…13, 10…6).
        let working = [17, 16, 15, 14, 13, 10, 9, 8, 7, 6]
        let mean = Double(working.reduce(0, +)) / 10 * 100
        let forecast = SimilarDayForecaster().forecast([request], series: Self.series(days: 40), context: context)[0]
        let expected: [Double] = (0..<24).map { hour in mean + Double(hour) }
        #expect(forecast == expected, "\(forecast.prefix(3))")
        // Saturday 2019-01-26 (day 25), issued Friday 10:00: the four latest known weekend days, 2019-01-20, 19,
        // 13 and 12 (days 19, 18, 12, 11).
        let saturday = ForecastHorizon.caisoDayAhead.requests(from: LocalDate(year: 2019, month: 1, day: 26),
                                                              to: LocalDate(year: 2019, month: 1, day: 26), zone: .utc)
        let weekend = SimilarDayForecaster().forecast(saturday, series: Self.series(days: 40), context: context)[0]
        #expect(weekend[5] == Double(19 + 18 + 12 + 11) / 4 * 100 + 5)
    }
}

/// The ensemble is the hour-by-hour mean of its members, and a backtest that already ran the members reuses
/// their forecasts instead of fitting them twice — with the same numbers.
@Suite struct EnsembleTests {
    @Test func theMeanOfItsMembersWhetherRunAloneOrReused() throws {
        let series = BaselineTests.series(days: 60)
        let context = ForecastContext(kind: .load, zone: .utc)
        let members: [any Forecaster] = [PersistenceForecaster(), SeasonalNaiveForecaster()]
        let ensemble = EnsembleForecaster(name: "pair", members: members)
        let requests = ForecastHorizon.caisoDayAhead.requests(from: LocalDate(year: 2019, month: 2, day: 1),
                                                              to: LocalDate(year: 2019, month: 2, day: 3), zone: .utc)
        let alone = try ensemble.forecast(requests, series: series, context: context)
        let a = PersistenceForecaster().forecast(requests, series: series, context: context)
        let b = SeasonalNaiveForecaster().forecast(requests, series: series, context: context)
        #expect(alone[1][5] == (a[1][5] + b[1][5]) / 2)
        var configuration = Backtest.Configuration(testFrom: LocalDate(year: 2019, month: 2, day: 1),
                                                   testTo: LocalDate(year: 2019, month: 2, day: 10))
        configuration.warmupDays = 5
        let reused = try Backtest(configuration: configuration, forecasters: members + [ensemble]).run(series: series, context: context)
        let separate = try Backtest(configuration: configuration, forecasters: [ensemble]).run(series: series, context: context)
        #expect(reused.hours.map { $0.medians[2] } == separate.hours.map { $0.medians[0] })
    }
}
