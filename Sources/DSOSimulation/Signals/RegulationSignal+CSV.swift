import Foundation

extension RegulationSignal {
    /// The only accepted header: seconds from the first sample, then the normalised value.
    public static let csvHeader = "time_s,signal"

    /// Loads a `time_s,signal` file (PJM/CAISO signal exports converted to that form).
    ///
    /// Times must strictly increase; spacing need not be uniform: check `samplePeriodSeconds`
    /// and `isUniformlySampled` (real ISO signals use 2 or 4 s). CRLF line ends, surrounding
    /// spaces and trailing blank lines are tolerated.
    public static func load(csvAtPath path: String) throws(RegulationSignalCSVError) -> RegulationSignal {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RegulationSignalCSVError(path: path, line: nil, problem: .unreadable(reason: String(describing: error)))
        }
        return try RegulationSignal(csvText: text, path: path)
    }

    /// Parses CSV text; `path` only labels errors.
    public init(csvText: String, path: String) throws(RegulationSignalCSVError) {
        var lines = csvText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Self.trimmed)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let header = lines.first, header == Self.csvHeader else {
            throw RegulationSignalCSVError(path: path, line: 1, problem: .badHeader(found: String(lines.first ?? "")))
        }
        var times: [Double] = []
        var values: [Double] = []
        times.reserveCapacity(lines.count - 1)
        values.reserveCapacity(lines.count - 1)
        var previous: (text: Substring, line: Int)?
        for (offset, line) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            func fail(_ problem: RegulationSignalCSVError.Problem) -> RegulationSignalCSVError {
                RegulationSignalCSVError(path: path, line: lineNumber, problem: problem)
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
            guard fields.count == 2 else { throw fail(.wrongFieldCount(found: fields.count)) }
            guard let time = Double(fields[0]), time.isFinite else {
                throw fail(.notANumber(column: "time_s", value: String(fields[0])))
            }
            guard let value = Double(fields[1]), value.isFinite else {
                throw fail(.notANumber(column: "signal", value: String(fields[1])))
            }
            guard abs(value) <= 1 else { throw fail(.signalOutOfRange(value: String(fields[1]))) }
            if let previous, let last = times.last, time <= last {
                throw fail(.timeNotIncreasing(value: String(fields[0]), previousValue: String(previous.text), previousLine: previous.line))
            }
            previous = (fields[0], lineNumber)
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

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
