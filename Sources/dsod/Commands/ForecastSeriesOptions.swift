import ArgumentParser
import DSOForecast
import DSOModel
import Foundation

/// The options that say which series to forecast and how to read it, shared by `dsod forecast` subcommands.
struct ForecastSeriesOptions: ParsableArguments {
    @Option(help: "The CSV file of the series.") var series: String
    @Option(help: "Its time column (two columns joined by '+', e.g. a TMY3 file's 'Date (MM/DD/YYYY)+Time (HH:MM)').") var time: String
    @Option(help: "Its value column.") var value: String
    @Option(help: "Whether a time stamps the start or the end of its hour (EIA-930 and TMY3: end): start or end.") var stamp = "start"
    @Option(help: "Zone of times written without an offset (IANA name, UTC, or UTC-05:00).") var inputTimezone = "UTC"
    @Option(help: "Lines above the header that are not comments (TMY3: 1).") var skipLines = 0
    @Option(help: "Gaps of at most this many hours are filled linearly and reported.") var fillGapsHours = 3
    @Option(help: "Put every row in this year (a TMY file's months come from different years).") var tmyYear: Int?
    @Option(help: "Cell texts that mean a missing hour besides an empty cell, comma-separated (e.g. MISSING,EMPTY).") var missing = ""
    @Option(help: "A CSV of weather (read at target hours as a forecast; observed weather = a perfect forecast).") var weather: String?
    @Option(help: "The weather file's time column (default: its first column).") var weatherTime: String?
    @Option(help: "Weather columns to use, comma-separated.") var weatherColumns: String?
    @Option(help: "load or pv.") var kind = "load"
    @Option(help: "The market's time zone (operating days, hours of day, the issue time).") var timezone = "America/Los_Angeles"
    @Option(help: "PV: the site's latitude, degrees north.") var latitude: Double?
    @Option(help: "PV: the site's longitude, degrees east.") var longitude: Double?
    @Option(help: "PV: the site's altitude, m.") var altitude = 0.0
    @Option(help: "PV: Linke turbidity of the Ineichen–Perez clear sky.") var linkeTurbidity = 3.0
    @Option(help: "PV: the series is a system's AC power of this DC rating, kW (default: the series is GHI, W/m²).") var pvDcKw: Double?
    @Option(help: "PV system: tilt, degrees from horizontal.") var tilt = 20.0
    @Option(help: "PV system: azimuth, degrees clockwise from north.") var azimuth = 180.0
    @Option(help: "PV system: inverter AC limit, kW (default: the DC rating).") var inverterKw: Double?

    /// The reader these options describe.
    func reader() throws(ForecastError) -> SeriesCSV {
        guard let stamp = SeriesCSV.Stamp(rawValue: stamp) else { throw ForecastError("--stamp '\(self.stamp)': expected start or end") }
        var reader = SeriesCSV(timeColumn: time, valueColumn: value)
        reader.stamp = stamp
        reader.inputTimeZone = try MarketTimeZone(inputTimezone)
        reader.skipLines = skipLines
        reader.fillGapsUpToHours = fillGapsHours
        reader.missingMarkers = Set(missing.split(separator: ",").map(String.init))
        reader.forcedYear = tmyYear
        return reader
    }

    /// The series (with a line on stderr saying what reading repaired) and the forecast context.
    func load() throws(ForecastError) -> (series: HourlySeries, context: ForecastContext, reader: SeriesCSV) {
        let zone = try MarketTimeZone(timezone)
        guard let kind = ForecastContext.Kind(rawValue: kind) else { throw ForecastError("--kind '\(self.kind)': expected load or pv") }
        let reader = try reader()
        let (loaded, repairs) = try reader.load(path: series)
        FileHandle.standardError.write(Data("series: \(loaded.count) hours from \(UTCTimestamp.text(unixSeconds: Double(loaded.startUnixSeconds))); \(repairs.filledHours) filled, \(repairs.missingHours) missing, \(repairs.emptyCells) empty cells\n".utf8))
        var context = ForecastContext(kind: kind, zone: zone)
        if let weather {
            context.weather = try WeatherCSV.load(path: weather, timeColumn: weatherTime, columns: weatherColumns, base: reader)
        }
        if kind == .pv {
            guard let latitude, let longitude else {
                throw ForecastError("--kind pv: the site's --latitude and --longitude are needed for its clear sky")
            }
            let site = try SolarSite(latitudeDegrees: latitude, longitudeDegrees: longitude, altitudeMetres: altitude)
            let system = try pvDcKw.map { rating throws(ForecastError) in
                try PVSystem(site: site, dcRatingKW: rating, tiltDegrees: tilt, azimuthDegrees: azimuth,
                             inverterACLimitKW: inverterKw ?? rating)
            }
            context.clearSky = ClearSkyReference(site: site, model: try .ineichenPerez(linkeTurbidity: linkeTurbidity),
                                                 system: system, startUnixSeconds: loaded.startUnixSeconds,
                                                 count: loaded.count + 72)
        }
        return (loaded, context, reader)
    }
}

/// `FROM..TO` local days.
func parseDays(_ text: String, option: String) throws(ForecastError) -> (from: LocalDate, to: LocalDate) {
    let days = text.components(separatedBy: "..")
    guard days.count == 2, let from = LocalDate(text: days[0]), let to = LocalDate(text: days[1]) else {
        throw ForecastError("\(option) '\(text)': expected FROM..TO as YYYY-MM-DD..YYYY-MM-DD")
    }
    return (from, to)
}

/// A `YYYY-MM-DD` option.
func parseDay(_ text: String, option: String) throws(ForecastError) -> LocalDate {
    guard let day = LocalDate(text: text) else { throw ForecastError("\(option) '\(text)': expected YYYY-MM-DD") }
    return day
}

/// A day-ahead `--issue HH:MM`.
func parseIssueTime(_ text: String) throws(ForecastError) -> ForecastHorizon {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
          (0..<60).contains(minute) else { throw ForecastError("--issue '\(text)': expected HH:MM") }
    return .dayAhead(issueHour: hour, issueMinute: minute)
}
