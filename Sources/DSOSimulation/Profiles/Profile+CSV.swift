import Foundation

/// Reading profiles from `time_s,value` or `hour,value` CSV files.
extension Profile {
    /// Loads a daily profile CSV; see docs/scenario.md for the format.
    public static func load(path: String) throws(ProfileError) -> Profile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ProfileError(file: path, line: 0, value: path, expected: "a readable UTF-8 CSV file")
        }
        return try Profile(csv: text, name: path)
    }

    /// Parses profile CSV text: `#` comments and blank lines ignored, a header `time_s,value` or `hour,value`,
    /// then one sample per line with times strictly increasing within one day.
    public convenience init(csv text: String, name: String) throws(ProfileError) {
        var secondsPerUnit: Double?
        var times: [Double] = []
        var values: [Double] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let unit = secondsPerUnit else {
                switch fields.first?.lowercased() {
                case "time_s" where fields.count == 2: secondsPerUnit = 1
                case "hour" where fields.count == 2: secondsPerUnit = 3_600
                default:
                    throw ProfileError(file: name, line: lineNumber, value: line,
                                       expected: "a header 'time_s,value' or 'hour,value'")
                }
                continue
            }
            guard fields.count == 2 else {
                throw ProfileError(file: name, line: lineNumber, value: line, expected: "two comma-separated fields")
            }
            guard let time = Double(fields[0]), time.isFinite else {
                throw ProfileError(file: name, line: lineNumber, value: fields[0], expected: "a number (time)")
            }
            guard let value = Double(fields[1]), value.isFinite else {
                throw ProfileError(file: name, line: lineNumber, value: fields[1], expected: "a finite number (value)")
            }
            let seconds = time * unit
            guard seconds >= 0, seconds < Profile.daySeconds else {
                throw ProfileError(file: name, line: lineNumber, value: fields[0],
                                   expected: unit == 1 ? "a time in 0 ..< 86400 s" : "an hour in 0 ..< 24")
            }
            if let previous = times.last, !(seconds > previous) {
                throw ProfileError(file: name, line: lineNumber, value: fields[0],
                                   expected: "a time later than the previous line's")
            }
            times.append(seconds)
            values.append(value)
        }
        guard !times.isEmpty else {
            throw ProfileError(file: name, line: lineNumber, value: "end of file", expected: "at least one sample line")
        }
        try self.init(name: name, timesSeconds: times, values: values)
    }
}
