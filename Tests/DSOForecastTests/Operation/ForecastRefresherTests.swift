import DSOForecast
import DSOModel
import Testing

/// The schedule of the service's forecasts: one training per deadline, one day-ahead per operating day, an
/// intraday forecast at every refresh, and a target that cannot be forecast does not stop the others.
@Suite struct ForecastRefresherTests {
    func refresher() throws -> ForecastRefresher {
        ForecastRefresher(engine: try SyntheticFleet.engine(forecaster: "ridge"),
                          targets: try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:]),
                          history: TargetHistory(samplesPerHour: Double(SyntheticFleet.samplesPerHour)))
    }

    func at(_ text: String) -> Int64 { Int64(UTCTimestamp.unixSeconds(text)!) }

    @Test func trainsOncePerDeadlineAndIssuesTheDayAheadOncePerDay() throws {
        var refresher = try refresher()
        let ids = ["SUB-A/load", "SUB-A/pv", "DR-A/dr-available"]
        var steps: [(String, trained: [String], dayAhead: Int, intraday: Int)] = []
        for time in ["2026-06-10T09:00:00-07:00", "2026-06-10T09:15:00-07:00", "2026-06-10T10:00:01-07:00",
                     "2026-06-10T10:15:00-07:00", "2026-06-11T10:00:05-07:00"] {
            let now = at(time)
            let round = refresher.refresh(measured: SyntheticFleet.measured(days: 40, before: now), nowUnixSeconds: now)
            #expect(round.problems.isEmpty, "\(round.problems)")
            steps.append((time, round.trainedTargets, round.forecasts.count { $0.horizon == "day-ahead" },
                          round.forecasts.count { $0.horizon == "intraday" }))
        }
        #expect(steps.map(\.trained) == [ids, [], ids, [], ids], "\(steps)")
        #expect(steps.map(\.dayAhead) == [3, 0, 3, 0, 3], "\(steps)")
        #expect(steps.map(\.intraday) == [3, 3, 3, 3, 3], "\(steps)")
        #expect(refresher.lastDayAhead == LocalDate(year: 2026, month: 6, day: 12))
    }

    @Test func aTargetWithoutHistoryIsReportedAndTheOthersGoOn() throws {
        var refresher = try refresher()
        let now = at("2026-06-10T11:00:00-07:00")
        let measured = SyntheticFleet.measured(days: 30, before: now).filter { $0.resource != 1 }
        let round = refresher.refresh(measured: measured, nowUnixSeconds: now)
        #expect(round.problems.count == 1 && round.problems[0].contains("SUB-A/pv"), "\(round.problems)")
        #expect(Set(round.forecasts.map(\.target)) == ["SUB-A/load", "DR-A/dr-available"])
        // The next refresh tries the PV target again (now with its history).
        let next = refresher.refresh(measured: SyntheticFleet.measured(days: 30, before: now + 900), nowUnixSeconds: now + 900)
        #expect(next.trainedTargets == ["SUB-A/pv"] && next.problems.isEmpty, "\(next.problems)")
    }
}
