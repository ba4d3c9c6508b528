/// Weather series for a forecast (temperature °C, irradiance W/m²…) from one CSV, read with the series'
/// rules (zone, stamp, gap filling).
public enum WeatherCSV {
    /// The `columns` (comma-separated; default: every column but the time) of `path`, by name.
    public static func load(path: String, timeColumn: String?, columns: String?,
                            base: SeriesCSV) throws(ForecastError) -> [(name: String, series: HourlySeries)] {
        let header = try header(path: path, skipLines: base.skipLines)
        guard let time = timeColumn ?? header.first else { throw ForecastError("\(path): no header line") }
        let names = columns.map { $0.split(separator: ",").map { String($0).trimmingSpaces } } ?? header.filter { $0 != time }
        guard !names.isEmpty else { throw ForecastError("\(path): no weather columns besides '\(time)'") }
        var result: [(name: String, series: HourlySeries)] = []
        for name in names {
            var reader = base
            reader.timeColumn = time
            reader.valueColumn = name
            result.append((name, try reader.load(path: path).series))
        }
        return result
    }

    /// The header cells of a CSV file (after `skipLines` lines).
    public static func header(path: String, skipLines: Int) throws(ForecastError) -> [String] {
        var reader = SeriesCSV(timeColumn: "", valueColumn: "")
        reader.skipLines = skipLines
        return try reader.header(path: path)
    }
}
