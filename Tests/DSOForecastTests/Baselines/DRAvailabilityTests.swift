import DSOForecast
import Testing

/// A programme's curtailable share of its baseline forecast, inside its windows, capped.
@Suite struct DRAvailabilityTests {
    @Test func shareOfTheBaselineInsideTheWindowsCappedAtTheMaximum() throws {
        let programme = try DRAvailabilityForecast(programme: "hvac", curtailableShare: 0.3, maximumCurtailmentKW: 500,
                                                   windows: [(startHour: 16, endHour: 21)])
        // 2019-07-15 in Pacific daylight time: local hour h starts at 07:00 UTC + h.
        let day = MarketTimeZone.pacific.hourStarts(of: LocalDate(year: 2019, month: 7, day: 15))
        let baseline = (0..<24).map { Double($0) * 100 }
        let available = programme.availableKW(baselineKW: baseline, hourStarts: day, zone: .pacific)
        #expect(available[15] == 0 && available[21] == 0, "outside 16:00–21:00")
        #expect(available[16] == 480, "30 % of 1 600 kW")
        #expect(available[17] == 500 && available[20] == 500, "capped at 500 kW")
        let overnight = try DRAvailabilityForecast(programme: "night", curtailableShare: 1, maximumCurtailmentKW: 1e6,
                                                   windows: [(startHour: 22, endHour: 6)])
        #expect((0..<24).filter { overnight.isCallable(localHour: $0) } == [0, 1, 2, 3, 4, 5, 22, 23])
    }

    @Test func badProgrammesAreRefusedNamingThem() {
        #expect(throws: ForecastError.self) {
            try DRAvailabilityForecast(programme: "x", curtailableShare: 1.5, maximumCurtailmentKW: 1, windows: [])
        }
        #expect(throws: ForecastError.self) {
            try DRAvailabilityForecast(programme: "x", curtailableShare: 0.5, maximumCurtailmentKW: 1, windows: [(startHour: 25, endHour: 2)])
        }
    }
}
