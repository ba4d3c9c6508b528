import DSOForecast
import Testing

/// The series a target learns from: signs, coverage, called DR hours and gap filling.
@Suite struct TargetHistoryTests {
    let start: Int64 = 1_780_000_000 / 3600 * 3600

    @Test func targetsFollowTheModel() throws {
        let targets = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])
        #expect(targets.map(\.id) == ["SUB-A/load", "SUB-A/pv", "DR-A/dr-available"])
        #expect(targets.map(\.capacityKW) == [3000, 800, 600])
        #expect(targets[2].programme?.maximumCurtailmentKW == 600 && targets[2].restSetpointKW == [-600])
    }

    @Test func loadIsConsumptionAndAnHourNeedsHalfItsSamples() throws {
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[0]
        let measured = [
            MeasuredHour(resource: 0, hourStartUnixSeconds: start, meanMeasuredKW: -1200, meanSetpointKW: nil, samples: 1800),
            MeasuredHour(resource: 0, hourStartUnixSeconds: start + 3600, meanMeasuredKW: -1300, meanSetpointKW: nil, samples: 899),
            MeasuredHour(resource: 0, hourStartUnixSeconds: start + 7200, meanMeasuredKW: -1400, meanSetpointKW: nil, samples: 900),
            // Another resource's rows are not this target's.
            MeasuredHour(resource: 1, hourStartUnixSeconds: start, meanMeasuredKW: 500, meanSetpointKW: nil, samples: 1800),
        ]
        var history = TargetHistory(samplesPerHour: 1800)
        history.fillGapsUpToHours = 0
        let (series, repairs) = history.series(for: target, measured: measured, startUnixSeconds: start, count: 5)
        let values = series.values
        let missing = [1, 3, 4].map { values[$0].isNaN }
        #expect(values[0] == 1200 && values[2] == 1400)
        #expect(missing == [true, true, true])
        #expect(repairs.measuredHours == 2 && repairs.missingHours == 1 && repairs.filledHours == 0)
    }

    @Test func shortGapsAreFilledAndTheFutureIsNot() throws {
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[1]
        let measured = [0, 3, 4].map { hour in
            MeasuredHour(resource: 1, hourStartUnixSeconds: start + Int64(hour) * 3600, meanMeasuredKW: Double(100 * hour),
                         meanSetpointKW: nil, samples: 1800)
        }
        let (series, repairs) = TargetHistory(samplesPerHour: 1800).series(for: target, measured: measured,
                                                                              startUnixSeconds: start, count: 8)
        let filled = Array(series.values[..<5]), future = Array(series.values[5...])
        #expect(filled == [0, 100, 200, 300, 400])
        #expect(future.allSatisfy { $0.isNaN })
        #expect(repairs.filledHours == 2 && repairs.missingHours == 0)
    }

    @Test func aCalledHourIsLeftOutOfTheDRBaseline() throws {
        let target = try ForecastTarget.targets(of: SyntheticFleet.model(), programmes: [:])[2]
        let measured = [
            MeasuredHour(resource: 2, hourStartUnixSeconds: start, meanMeasuredKW: -400, meanSetpointKW: -600, samples: 1800),
            MeasuredHour(resource: 2, hourStartUnixSeconds: start + 3600, meanMeasuredKW: -200, meanSetpointKW: -200, samples: 1800),
            MeasuredHour(resource: 2, hourStartUnixSeconds: start + 7200, meanMeasuredKW: -420, meanSetpointKW: -599.5, samples: 1800),
        ]
        var history = TargetHistory(samplesPerHour: 1800)
        history.fillGapsUpToHours = 0
        let (series, repairs) = history.series(for: target, measured: measured, startUnixSeconds: start, count: 3)
        #expect(series.values[0] == 400 && series.values[1].isNaN && series.values[2] == 420)
        #expect(repairs.calledHours == 1)
    }
}
