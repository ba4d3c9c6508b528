import DSOForecast
import DSOModel
import DSOStatusSchema
import Testing

/// The service's forecasts: when they are issued and for which hours, what they learn from, their bands, and
/// the physical limits of each kind of target.
@Suite struct ForecastEngineTests {
    /// 2026-10-31 10:30 PDT: tomorrow is the day the clocks go back (25 hours).
    static let beforeFallBack = UTCTimestamp.unixSeconds("2026-10-31T10:30:00-07:00").map { Int64($0) }!

    @Test func theDayAheadForecastCoversTheNextLocalDayDSTDaysIncluded() throws {
        let engine = try SyntheticFleet.engine()
        let (issue, day) = engine.dayAheadIssue(nowUnixSeconds: Self.beforeFallBack)
        #expect(day == LocalDate(year: 2026, month: 11, day: 1))
        #expect(issue == Int64(UTCTimestamp.unixSeconds("2026-10-31T10:00:00-07:00")!))
        #expect(MarketTimeZone.pacific.hourStarts(of: day).count == 25)
        #expect(MarketTimeZone.pacific.hourStarts(of: LocalDate(year: 2026, month: 3, day: 8)).count == 23)
        // Before the deadline the forecast due is today's, issued now (a late one).
        let early = Int64(UTCTimestamp.unixSeconds("2026-10-31T09:00:00-07:00")!)
        let late = engine.dayAheadIssue(nowUnixSeconds: early)
        #expect(late.day == LocalDate(year: 2026, month: 10, day: 31) && late.issueUnixSeconds == early)
        #expect(engine.latestDeadline(nowUnixSeconds: early) == issue - 86_400)
    }

    @Test func theIntradayForecastIsOnTheRefreshGrid() throws {
        let engine = try SyntheticFleet.engine()
        let now = Int64(UTCTimestamp.unixSeconds("2026-06-10T12:37:12Z")!)
        let request = engine.intradayRequest(nowUnixSeconds: now)
        #expect(request.issueUnixSeconds == Int64(UTCTimestamp.unixSeconds("2026-06-10T12:30:00Z")!))
        #expect(request.targetHourStarts.first == Int64(UTCTimestamp.unixSeconds("2026-06-10T13:00:00Z")!))
        #expect(request.targetHourStarts.count == 6)
    }

    @Test func theLearnedLoadForecastTracksTheLoadWithOrderedBands() throws {
        let engine = try SyntheticFleet.engine()
        let now = Self.beforeFallBack
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[0]
        let (series, clearSky) = prepare(engine, target, SyntheticFleet.measured(days: 56, before: now), now)
        let trained = try engine.train(target, series: series, clearSky: clearSky, nowUnixSeconds: now)
        #expect(trained.forecaster.name == "ensemble" && trained.historyDays >= 54)
        let (issue, day) = engine.dayAheadIssue(nowUnixSeconds: now)
        let request = ForecastRequest(issueUnixSeconds: issue, targetHourStarts: engine.settings.zone.hourStarts(of: day))
        let forecast = try engine.issue(trained, request: request, horizon: .dayAhead, series: series, clearSky: clearSky)
        #expect(forecast.hours.count == 25 && forecast.target == "SUB-A/load" && forecast.horizon == "day-ahead")
        let errors = forecast.hours.map { hour in abs(hour.p50KW! - SyntheticFleet.loadKW(hour.startUnixSeconds)) / SyntheticFleet.loadKW(hour.startUnixSeconds) }
        let mape = 100 * errors.reduce(0, +) / Double(errors.count)
        #expect(mape < 5, "MAPE \(mape) % against the noiseless load")
        for hour in forecast.hours {
            let p10 = try #require(hour.p10KW), p50 = try #require(hour.p50KW), p90 = try #require(hour.p90KW)
            #expect(p10 <= p50 && p50 <= p90 && p90 - p10 > 0, "\(hour)")
        }
    }

    @Test func tooShortAHistoryFallsBackToABaselineNamedInTheForecast() throws {
        let engine = try SyntheticFleet.engine()
        let now = Self.beforeFallBack
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[0]
        for (days, expected) in [(12, "similar-day"), (4, "persistence")] {
            let (series, clearSky) = prepare(engine, target, SyntheticFleet.measured(days: days, before: now), now)
            let trained = try engine.train(target, series: series, clearSky: clearSky, nowUnixSeconds: now)
            #expect(trained.forecaster.name == expected, "\(days) days")
        }
        let (series, clearSky) = prepare(engine, target, SyntheticFleet.measured(days: 1, before: now), now)
        let error = #expect(throws: ForecastError.self) {
            try engine.train(target, series: series, clearSky: clearSky, nowUnixSeconds: now)
        }
        #expect(error?.description.contains("SUB-A/load") == true && error?.description.contains("persistence needs 2") == true)
    }

    @Test func pvIsZeroAtNightAndNeverAboveItsRating() throws {
        let engine = try SyntheticFleet.engine(forecaster: "ridge")
        let now = Self.beforeFallBack
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[1]
        let (series, clearSky) = prepare(engine, target, SyntheticFleet.measured(days: 40, before: now), now)
        let trained = try engine.train(target, series: series, clearSky: clearSky, nowUnixSeconds: now)
        let (issue, day) = engine.dayAheadIssue(nowUnixSeconds: now)
        let forecast = try engine.issue(trained, request: ForecastRequest(issueUnixSeconds: issue, targetHourStarts: engine.settings.zone.hourStarts(of: day)),
                                        horizon: .dayAhead, series: series, clearSky: clearSky)
        for hour in forecast.hours {
            let local = engine.settings.zone.local(hour.startUnixSeconds).hour
            let p50 = try #require(hour.p50KW)
            #expect(p50 >= 0 && p50 <= 800 && (hour.p90KW ?? 0) <= 800)
            if local < 5 || local >= 20 { #expect(p50 == 0, "\(local):00 \(p50) kW") }
        }
        #expect(forecast.hours.contains { ($0.p50KW ?? 0) > 200 }, "midday sun: \(forecast.hours.map(\.p50KW))")
    }

    @Test func drAvailabilityIsZeroOutsideItsWindowsAndCapped() throws {
        let engine = try SyntheticFleet.engine(forecaster: "similar-day")
        let now = Self.beforeFallBack
        let programme = try DRAvailabilityForecast(programme: "DR-A", curtailableShare: 0.3, maximumCurtailmentKW: 100,
                                                   windows: [(14, 20)])
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: ["DR-A": programme])[2]
        let (series, clearSky) = prepare(engine, target, SyntheticFleet.measured(days: 20, before: now), now)
        let trained = try engine.train(target, series: series, clearSky: clearSky, nowUnixSeconds: now)
        let (issue, day) = engine.dayAheadIssue(nowUnixSeconds: now)
        let forecast = try engine.issue(trained, request: ForecastRequest(issueUnixSeconds: issue, targetHourStarts: engine.settings.zone.hourStarts(of: day)),
                                        horizon: .dayAhead, series: series, clearSky: clearSky)
        #expect(forecast.kind == "dr-available")
        #expect(forecast.hours.contains { $0.p50KW == 100 }, "the cap binds at the afternoon peak")
        for hour in forecast.hours {
            let local = engine.settings.zone.local(hour.startUnixSeconds).hour
            let available = try #require(hour.p50KW)
            if (14..<20).contains(local) {
                // 30 % of a baseline of 0.2 × the load, capped at 100 kW.
                #expect(available > 50 && available <= 100, "\(local):00 \(available) kW")
            } else {
                #expect(available == 0, "\(local):00")
            }
        }
    }

    @Test func aForecastMadeNowIgnoresEverythingAfterNow() throws {
        let engine = try SyntheticFleet.engine(forecaster: "ridge")
        let now = Self.beforeFallBack
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[0]
        let past = SyntheticFleet.measured(days: 40, before: now)
        // The same history with a tenfold spike in the hour in progress, and two more days of spikes after it.
        var spiked = past.filter { $0.resource == 0 }
        for index in spiked.indices where spiked[index].hourStartUnixSeconds + 3600 > now { spiked[index].meanMeasuredKW *= 10 }
        for hour in stride(from: (now / 3600 + 1) * 3600, to: now + 2 * 86_400, by: 3600) {
            spiked.append(MeasuredHour(resource: 0, hourStartUnixSeconds: hour, meanMeasuredKW: -10 * SyntheticFleet.loadKW(hour),
                                       meanSetpointKW: nil, samples: SyntheticFleet.samplesPerHour))
        }
        #expect(spiked.count > past.count / 3 + 40)
        var forecasts: [[ForecastDocument]] = []
        for measured in [past, spiked] {
            let (series, clearSky) = prepare(engine, target, measured, now)
            let trained = try engine.train(target, series: series, clearSky: clearSky, nowUnixSeconds: now)
            let (issue, day) = engine.dayAheadIssue(nowUnixSeconds: now)
            forecasts.append([
                try engine.issue(trained, request: ForecastRequest(issueUnixSeconds: issue, targetHourStarts: engine.settings.zone.hourStarts(of: day)),
                                 horizon: .dayAhead, series: series, clearSky: clearSky),
                try engine.issue(trained, request: engine.intradayRequest(nowUnixSeconds: now), horizon: .intraday,
                                 series: series, clearSky: clearSky),
            ])
        }
        #expect(forecasts[0] == forecasts[1])
    }

    /// The series and clear sky a refresh would build at `now`.
    func prepare(_ engine: ForecastEngine, _ target: ForecastTarget, _ measured: [MeasuredHour],
                 _ now: Int64) -> (HourlySeries, ClearSkyReference?) {
        let span = engine.span(nowUnixSeconds: now)
        let series = TargetHistory(samplesPerHour: Double(SyntheticFleet.samplesPerHour))
            .series(for: target, measured: measured.filter { target.resources.contains($0.resource) },
                    startUnixSeconds: span.startUnixSeconds, count: span.count).series
        return (series, engine.clearSky(startUnixSeconds: span.startUnixSeconds, count: span.count))
    }
}
