import Foundation

/// Reads an interface point's schedule from a `start_s,end_s,net_import_kw` CSV (`#` comments allowed).
/// `package`: the service configuration's real-device grid (DSOService) reads the same files.
package enum ScheduleCSV {
    /// One schedule interval as written in the file.
    package struct Row {
        package var startSeconds: Double
        package var endSeconds: Double
        package var netImportKW: Double
    }

    package static func load(path: String) throws(ProfileError) -> [Row] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ProfileError(file: path, line: 0, value: path, expected: "a readable UTF-8 CSV file")
        }
        var rows: [Row] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard fields == ["start_s", "end_s", "net_import_kw"] else {
                    throw ProfileError(file: path, line: lineNumber, value: line,
                                       expected: "the header 'start_s,end_s,net_import_kw'")
                }
                sawHeader = true
                continue
            }
            let numbers = fields.compactMap { Double($0) }.filter(\.isFinite)
            guard fields.count == 3, numbers.count == 3 else {
                throw ProfileError(file: path, line: lineNumber, value: line, expected: "three numbers")
            }
            guard numbers[0] >= 0, numbers[1] > numbers[0] else {
                throw ProfileError(file: path, line: lineNumber, value: line, expected: "0 ≤ start_s < end_s")
            }
            rows.append(Row(startSeconds: numbers[0], endSeconds: numbers[1], netImportKW: numbers[2]))
        }
        guard !rows.isEmpty else {
            throw ProfileError(file: path, line: lineNumber, value: "end of file", expected: "at least one interval")
        }
        return rows
    }
}
