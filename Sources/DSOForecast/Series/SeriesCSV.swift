import Foundation
import DSOModel
package import DSOScenario

/// Reads an hourly series from any CSV (`dsod forecast backtest --series FILE --time COL --value COL`) with
/// the project's one CSV reader: times in RFC 3339, `YYYY-MM-DD HH:MM[:SS]` or `MM/DD/YYYY HH:MM` (two columns
/// joined by `+`, e.g. a TMY3 file's date and time), naive times in a given zone, hour-starting or hour-ending
/// stamps. Bad input is an error naming the file, line, column and value; short gaps are filled and reported.
public struct SeriesCSV: Sendable {
    /// Whether a row's time is the start or the end of its hour (EIA-930 and TMY3 stamp the hour's end).
    public enum Stamp: String, Sendable, CaseIterable { case start, end }

    public var timeColumn: String
    public var valueColumn: String
    public var stamp: Stamp = .start
    /// The zone of times written without an offset.
    public var inputTimeZone: MarketTimeZone = .utc
    /// Lines above the header that are not comments (TMY3: 1).
    public var skipLines = 0
    /// Gaps of at most this many hours are filled by linear interpolation (and reported); longer ones stay missing.
    public var fillGapsUpToHours = 3
    /// Cell texts that mean "missing" besides an empty cell (e.g. EIA-930's `MISSING`, `EMPTY`).
    public var missingMarkers: Set<String> = []
    /// Puts every row in this year (a TMY file's months come from different years; `--tmy-year`).
    public var forcedYear: Int?

    public init(timeColumn: String, valueColumn: String) {
        self.timeColumn = timeColumn
        self.valueColumn = valueColumn
    }

    /// What reading repaired or left missing, for the report.
    public struct Repairs: Sendable, Hashable {
        public var filledHours = 0
        public var missingHours = 0
        public var emptyCells = 0
    }

    public func load(path: String) throws(ForecastError) -> (series: HourlySeries, repairs: Repairs) {
        let file: CSVFile
        do {
            file = try CSVFile.read(path: path, skippingLines: skipLines)
        } catch {
            throw ForecastError("\(error)")
        }
        return try read(file)
    }

    /// The header of `path` (to list its columns).
    public func header(path: String) throws(ForecastError) -> [String] {
        do {
            return try CSVFile.read(path: path, skippingLines: skipLines).header
        } catch {
            throw ForecastError("\(error)")
        }
    }

    /// The series in an already read file.
    package func read(_ file: CSVFile) throws(ForecastError) -> (series: HourlySeries, repairs: Repairs) {
        let timeColumns = try timeColumn.split(separator: "+").map { name throws(ForecastError) in
            try column(String(name), in: file)
        }
        let valueIndex = try column(valueColumn, in: file)
        var repairs = Repairs()
        var hours: [(start: Int64, value: Double, line: Int)] = []
        hours.reserveCapacity(file.rows.count)
        for row in file.rows {
            let timeText = timeColumns.map { $0 < row.fields.count ? row.fields[$0] : "" }.joined(separator: " ")
            guard let stamped = Self.unixSeconds(timeText, zone: inputTimeZone, forcedYear: forcedYear) else {
                throw ForecastError(row.error(value: timeText, expected: "a time in column '\(timeColumn)': RFC 3339, YYYY-MM-DD HH:MM[:SS] or MM/DD/YYYY HH:MM"))
            }
            guard stamped % 3600 == 0 else {
                throw ForecastError(row.error(value: timeText, expected: "a time on the hour in column '\(timeColumn)' (an hourly series)"))
            }
            let start = stamp == .end ? stamped - 3600 : stamped
            let cell = valueIndex < row.fields.count ? row.fields[valueIndex] : ""
            let value: Double
            if cell.isEmpty || missingMarkers.contains(cell) {
                value = .nan
                repairs.emptyCells += 1
            } else if let number = Double(cell), number.isFinite {
                value = number
            } else {
                throw ForecastError(row.error(value: cell, expected: "a number in column '\(valueColumn)' (or an empty cell for a missing hour)"))
            }
            if let previous = hours.last {
                if start == previous.start {
                    throw ForecastError(row.error(value: timeText, expected: "one row per hour; line \(previous.line) has the same hour"))
                }
                if start < previous.start {
                    throw ForecastError(row.error(value: timeText, expected: "rows in time order; line \(previous.line) is later"))
                }
            }
            hours.append((start, value, row.line))
        }
        guard let first = hours.first, let last = hours.last else {
            throw ForecastError(file.endOfFile(expected: "at least one data row"))
        }
        var values = [Double](repeating: .nan, count: Int((last.start - first.start) / 3600) + 1)
        for hour in hours { values[Int((hour.start - first.start) / 3600)] = hour.value }
        repairs.filledHours = Self.fillGaps(&values, upToHours: fillGapsUpToHours)
        repairs.missingHours = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        return (HourlySeries(startUnixSeconds: first.start, values: values), repairs)
    }

    private func column(_ name: String, in file: CSVFile) throws(ForecastError) -> Int {
        guard let index = file.header.firstIndex(of: name) else {
            throw ForecastError("\(file.path): line \(file.headerLine): no column '\(name)'; the header has "
                                + file.header.map { "'\($0)'" }.joined(separator: ", "))
        }
        return index
    }

    /// Fills runs of at most `upToHours` missing values between two known ones linearly; returns how many.
    static func fillGaps(_ values: inout [Double], upToHours: Int) -> Int {
        var filled = 0
        var index = 0
        while index < values.count {
            guard values[index].isNaN else { index += 1; continue }
            var end = index
            while end < values.count, values[end].isNaN { end += 1 }
            let length = end - index
            if index > 0, end < values.count, length <= upToHours {
                let before = values[index - 1], after = values[end]
                for offset in 0..<length {
                    values[index + offset] = before + (after - before) * Double(offset + 1) / Double(length + 1)
                }
                filled += length
            }
            index = end
        }
        return filled
    }

    /// Seconds since 1970 UTC of `text`, or nil.
    static func unixSeconds(_ text: String, zone: MarketTimeZone, forcedYear: Int? = nil) -> Int64? {
        let trimmed = text.trimmingSpaces
        if forcedYear == nil, let utc = UTCTimestamp.unixSeconds(trimmed) { return Int64(utc.rounded()) }
        // Naive: "YYYY-MM-DD HH:MM[:SS]" (or T) or "MM/DD/YYYY HH:MM".
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        var date: LocalDate
        if parts[0].contains("/") {
            let pieces = parts[0].split(separator: "/")
            guard pieces.count == 3, let month = Int(pieces[0]), let day = Int(pieces[1]), let year = Int(pieces[2]),
                  pieces[2].count == 4, let parsed = LocalDate(text: "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
            else { return nil }
            date = parsed
        } else {
            guard let parsed = LocalDate(text: String(parts[0])) else { return nil }
            date = parsed
        }
        if let forcedYear {
            guard let moved = LocalDate(text: String(format: "%04d-%02d-%02d", forcedYear, date.month, date.day)) else { return nil }
            date = moved
        }
        let clock = parts[1].split(separator: ":")
        guard (2...3).contains(clock.count), let hour = Int(clock[0]), let minute = Int(clock[1]),
              (0...24).contains(hour), (0..<60).contains(minute) else { return nil }
        let second = clock.count == 3 ? (Int(clock[2]) ?? -1) : 0
        guard (0..<60).contains(second), hour < 24 || (minute == 0 && second == 0) else { return nil }
        // 24:00 is the end of the day: 00:00 of the next.
        let day = hour == 24 ? date.adding(days: 1) : date
        return zone.unixSeconds(of: day, hour: hour % 24, minute: minute) + Int64(second)
    }
}
