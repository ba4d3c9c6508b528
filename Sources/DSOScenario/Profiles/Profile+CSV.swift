/// Reading profiles from `time_s,value` or `hour,value` CSV files (the rules of `CSVFile`).
extension Profile {
    /// Loads a daily profile CSV; see docs/scenario.md for the format.
    public static func load(path: String) throws(DataFileError) -> Profile {
        try Profile(csv: CSVFile.read(path: path))
    }

    /// Parses profile CSV text (`name` labels errors).
    public convenience init(csv text: String, name: String) throws(DataFileError) {
        try self.init(csv: CSVFile(text: text, path: name))
    }

    /// A header `time_s,value` or `hour,value`, then one sample per line with times strictly increasing
    /// within one day.
    convenience init(csv file: CSVFile) throws(DataFileError) {
        let secondsPerUnit: Double = try file.requireHeader([["time_s", "value"], ["hour", "value"]]) == 0 ? 1 : 3_600
        var times: [Double] = []
        var values: [Double] = []
        for row in file.rows {
            try row.requireFieldCount(2...2, expected: "two comma-separated fields")
            let time = try row.number(0, expected: "a number (time)")
            let value = try row.number(1, expected: "a finite number (value)")
            let seconds = time * secondsPerUnit
            guard seconds >= 0, seconds < Profile.daySeconds else {
                throw row.error(value: row.fields[0],
                                expected: secondsPerUnit == 1 ? "a time in 0 ..< 86400 s" : "an hour in 0 ..< 24")
            }
            if let previous = times.last, !(seconds > previous) {
                throw row.error(value: row.fields[0], expected: "a time later than the previous line's")
            }
            times.append(seconds)
            values.append(value)
        }
        guard !times.isEmpty else { throw file.endOfFile(expected: "at least one sample line") }
        try self.init(name: file.path, timesSeconds: times, values: values)
    }
}
