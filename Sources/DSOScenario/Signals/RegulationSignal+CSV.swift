import Foundation

extension RegulationSignal {
    /// The only accepted header: seconds from the first sample, then the normalised value.
    public static let csvHeader = "time_s,signal"

    /// Loads a `time_s,signal` file (PJM/CAISO signal exports converted to that form).
    ///
    /// Times must strictly increase; spacing need not be uniform: check `samplePeriodSeconds`
    /// and `isUniformlySampled` (real ISO signals use 2 or 4 s). CRLF line ends, surrounding
    /// spaces, `#` comments and blank lines are tolerated (`CSVFile`).
    public static func load(csvAtPath path: String) throws(RegulationSignalCSVError) -> RegulationSignal {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RegulationSignalCSVError(path: path, line: nil, problem: .unreadable(reason: String(describing: error)))
        }
        return try RegulationSignal(csvText: text, path: path)
    }

    /// Parses CSV text (the rules of `CSVFile`); `path` only labels errors.
    public init(csvText: String, path: String) throws(RegulationSignalCSVError) {
        let file = CSVFile(text: csvText, path: path)
        guard file.header.joined(separator: ",") == Self.csvHeader else {
            throw RegulationSignalCSVError(path: path, line: max(file.headerLine, 1),
                                           problem: .badHeader(found: file.header.joined(separator: ",")))
        }
        var times: [Double] = []
        var values: [Double] = []
        times.reserveCapacity(file.rows.count)
        values.reserveCapacity(file.rows.count)
        var previous: (text: String, line: Int)?
        for row in file.rows {
            func fail(_ problem: RegulationSignalCSVError.Problem) -> RegulationSignalCSVError {
                RegulationSignalCSVError(path: path, line: row.line, problem: problem)
            }
            let fields = row.fields
            guard fields.count == 2 else { throw fail(.wrongFieldCount(found: fields.count)) }
            guard let time = Double(fields[0]), time.isFinite else {
                throw fail(.notANumber(column: "time_s", value: fields[0]))
            }
            guard let value = Double(fields[1]), value.isFinite else {
                throw fail(.notANumber(column: "signal", value: fields[1]))
            }
            guard abs(value) <= 1 else { throw fail(.signalOutOfRange(value: fields[1])) }
            if let previous, let last = times.last, time <= last {
                throw fail(.timeNotIncreasing(value: fields[0], previousValue: previous.text, previousLine: previous.line))
            }
            previous = (fields[0], row.line)
            times.append(time)
            values.append(value)
        }
        guard values.count >= 2 else {
            throw RegulationSignalCSVError(path: path, line: nil, problem: .tooFewSamples(count: values.count))
        }
        // Every rule RegulationSignal checks was checked above with line numbers.
        self.timesSeconds = times
        self.values = values
    }

    /// The signal as `time_s,signal` text that `init(csvText:path:)` reads back exactly.
    public func csvText() -> String {
        var text = Self.csvHeader + "\n"
        for (time, value) in zip(timesSeconds, values) {
            let timeText = time == time.rounded() && abs(time) < 1e15 ? String(Int64(time)) : String(time)
            text += "\(timeText),\(value)\n"
        }
        return text
    }

    /// Writes `csvText()` to `path`, replacing any file there.
    public func write(csvToPath path: String) throws {
        try csvText().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
