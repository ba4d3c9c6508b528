/// Reads an interface point's schedule from a `start_s,end_s,net_import_kw` CSV (the rules of `CSVFile`).
/// `package`: the service configuration's real-device grid (DSOService) reads the same files.
package enum ScheduleCSV {
    /// One schedule interval as written in the file.
    package struct Row {
        package var startSeconds: Double
        package var endSeconds: Double
        package var netImportKW: Double
    }

    package static func load(path: String) throws(DataFileError) -> [Row] {
        try rows(in: CSVFile.read(path: path))
    }

    /// The intervals of an already read file (the fuzzer in Fuzz/ feeds it text).
    package static func rows(in file: CSVFile) throws(DataFileError) -> [Row] {
        try file.requireHeader([["start_s", "end_s", "net_import_kw"]])
        var rows: [Row] = []
        for row in file.rows {
            try row.requireFieldCount(3...3, expected: "three numbers")
            let start = try row.number(0, expected: "three numbers")
            let end = try row.number(1, expected: "three numbers")
            let kw = try row.number(2, expected: "three numbers")
            guard start >= 0, end > start else { throw row.error(value: row.text, expected: "0 ≤ start_s < end_s") }
            rows.append(Row(startSeconds: start, endSeconds: end, netImportKW: kw))
        }
        guard !rows.isEmpty else { throw file.endOfFile(expected: "at least one interval") }
        return rows
    }
}
