import DSOForecast
import Testing

/// Operating days in Pacific prevailing time, DST days included, and the NERC holidays.
@Suite struct MarketTimeZoneTests {
    let pacific = MarketTimeZone.pacific

    @Test func dstDaysHave23And25HoursAndTheIssueTimeMovesInUTC() throws {
        #expect(pacific.hourStarts(of: LocalDate(year: 2019, month: 3, day: 10)).count == 23)
        #expect(pacific.hourStarts(of: LocalDate(year: 2018, month: 11, day: 4)).count == 25)
        #expect(pacific.hourStarts(of: LocalDate(year: 2018, month: 11, day: 5)).count == 24)
        // 10:00 PST = 18:00 UTC; 10:00 PDT = 17:00 UTC.
        #expect(pacific.unixSeconds(of: LocalDate(year: 2019, month: 1, day: 15), hour: 10) == 1_547_575_200)
        #expect(pacific.unixSeconds(of: LocalDate(year: 2019, month: 7, day: 15), hour: 10) == 1_563_210_000)
        // The repeated 01:00 on the fall-back day: the first (daylight) one.
        let repeated = pacific.unixSeconds(of: LocalDate(year: 2018, month: 11, day: 4), hour: 1)
        #expect(repeated == 1_541_318_400, "01:00 PDT = 08:00 UTC")
        #expect(pacific.local(repeated + 3600).hour == 1, "an hour later it is 01:00 again (PST)")
        let local = pacific.local(1_563_210_000)
        #expect(local.day == LocalDate(year: 2019, month: 7, day: 15) && local.hour == 10 && local.day.weekday == 1)
    }

    @Test func fixedOffsetsAndBadNames() throws {
        let eastern = try MarketTimeZone("UTC-05:00")
        #expect(eastern.offsetSeconds(atUnixSeconds: 1_563_210_000) == -18_000)
        #expect(throws: ForecastError.self) { try MarketTimeZone("Pacific") }
        #expect(throws: ForecastError.self) { try MarketTimeZone("UTC+5") }
    }

    @Test func nercHolidaysAsObserved() {
        let days2018 = HolidayCalendar.holidays(year: 2018).map(\.description).sorted()
        #expect(days2018 == ["2018-01-01", "2018-05-28", "2018-07-04", "2018-09-03", "2018-11-22", "2018-12-25"])
        // Christmas 2016 and New Year 2017 fell on Sundays: observed on the Mondays.
        #expect(HolidayCalendar.isHoliday(LocalDate(year: 2016, month: 12, day: 26)))
        #expect(HolidayCalendar.isHoliday(LocalDate(year: 2017, month: 1, day: 2)))
        #expect(!HolidayCalendar.isHoliday(LocalDate(year: 2017, month: 1, day: 1)))
    }
}
