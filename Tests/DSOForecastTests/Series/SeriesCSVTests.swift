import DSOForecast
import Foundation
import OpenDSOTestSupport
import Testing

/// Any CSV in, an hourly UTC series out — or an error naming the file, line, column and value.
@Suite struct SeriesCSVTests {
    func load(_ text: String, stamp: SeriesCSV.Stamp = .start, zone: MarketTimeZone = .utc, time: String = "time",
              skipLines: Int = 0, fill: Int = 3) throws -> (HourlySeries, SeriesCSV.Repairs, String) {
        try TemporaryFolder.with { folder in
            let path = try folder.write("series.csv", text)
            var reader = SeriesCSV(timeColumn: time, valueColumn: "mw")
            reader.stamp = stamp
            reader.inputTimeZone = zone
            reader.skipLines = skipLines
            reader.fillGapsUpToHours = fill
            reader.missingMarkers = ["MISSING"]
            let (series, repairs) = try reader.load(path: path)
            return (series, repairs, path)
        }
    }

    @Test func hourEndingStampsAreShiftedAndShortGapsFilled() throws {
        let (series, repairs, _) = try load("""
            time,mw
            2019-01-01 01:00:00,10
            2019-01-01 02:00:00,20
            2019-01-01 05:00:00,50
            2019-01-01 06:00:00,MISSING
            2019-01-01T07:00:00Z,70
            """, stamp: .end)
        #expect(series.startUnixSeconds == 1_546_300_800, "the hour ending 01:00 starts at midnight")
        #expect(series.values == [10, 20, 30, 40, 50, 60, 70])
        #expect(repairs.filledHours == 3 && repairs.missingHours == 0 && repairs.emptyCells == 1)
    }

    @Test func longGapsStayMissing() throws {
        let (series, repairs, _) = try load("time,mw\n2019-01-01 00:00,1\n2019-01-01 05:00,6\n", fill: 3)
        #expect(series.count == 6 && series.values[1...4].allSatisfy(\.isNaN))
        #expect(repairs.filledHours == 0 && repairs.missingHours == 4)
    }

    @Test func naiveLocalTimesAcrossSpringForwardAndTMY3Style24Hundred() throws {
        let (series, _, _) = try load("""
            site line, "quoted, with commas"
            Date (MM/DD/YYYY),Time (HH:MM),mw
            03/10/2019,01:00,1
            03/10/2019,03:00,2
            03/10/2019,24:00,3
            """, zone: .pacific, time: "Date (MM/DD/YYYY)+Time (HH:MM)", skipLines: 1)
        // 01:00 PST = 09:00 UTC, 03:00 PDT = 10:00 UTC: consecutive hours on the 23-hour day.
        #expect(series.startUnixSeconds == 1_552_208_400)
        #expect(series.values[0] == 1 && series.values[1] == 2)
        #expect(series.value(atHourStart: 1_552_287_600) == 3, "24:00 is midnight PDT of the next day = 07:00 UTC")
    }

    @Test(arguments: [
        ("time,mw\n2019-01-01 00:00,1\n2019-01-01 01:00,lots\n", "series.csv:3: found 'lots', expected a number in column 'mw'"),
        ("time,mw\n2019-01-01 00:00,1\n2019-01-01 00:00,2\n", "series.csv:3: found '2019-01-01 00:00', expected one row per hour; line 2"),
        ("time,mw\n2019-01-01 01:00,1\n2019-01-01 00:00,2\n", "series.csv:3: found '2019-01-01 00:00', expected rows in time order"),
        ("time,mw\n2019-01-01 00:30,1\n", "series.csv:2: found '2019-01-01 00:30', expected a time on the hour"),
        ("time,mw\n01-01-2019 00:00,1\n", "series.csv:2: found '01-01-2019 00:00', expected a time in column 'time'"),
        ("when,mw\n2019-01-01 00:00,1\n", "series.csv: line 1: no column 'time'; the header has 'when', 'mw'"),
        ("time,mw\n", "series.csv:2: found 'end of file', expected at least one data row"),
    ])
    func badInputIsAnErrorNamingTheLineAndColumn(_ text: String, _ message: String) throws {
        do {
            _ = try load(text)
            Issue.record("accepted: \(text)")
        } catch let error as ForecastError {
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
