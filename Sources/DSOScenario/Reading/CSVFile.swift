import Foundation

/// A CSV data file as every OpenDSO reader sees it: one set of rules for profiles, schedules, regulation
/// signals and caiso-sim's dispatch targets, so a file that one reader takes another reads the same way.
///
/// Rules: UTF-8; LF or CRLF line ends; blank lines and lines starting with `#` are skipped; the first
/// other line is the header; fields are comma-separated and trimmed of spaces and tabs; line numbers are
/// 1-based lines of the file, so an error points at the line an editor shows.
package struct CSVFile: Sendable {
    /// The path (or name) errors cite.
    package let path: String
    /// The header's fields, as written (trimmed).
    package let header: [String]
    /// The line number of the header (0 when the file has no header line).
    package let headerLine: Int
    /// Data lines after the header, in file order.
    package let rows: [CSVRow]
    /// The number of the file's last line, for "end of file" errors.
    package let lastLine: Int

    /// Reads and splits `path`; a file that cannot be read is a `DataFileError` naming it.
    package static func read(path: String, skippingLines: Int = 0) throws(DataFileError) -> CSVFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DataFileError(file: path, line: 0, value: path, expected: "a readable UTF-8 CSV file")
        }
        return CSVFile(text: text, path: path, skippingLines: skippingLines)
    }

    /// `skippingLines`: lines at the top that precede the header and are not comments (a TMY3 file's site line).
    package init(text: String, path: String, skippingLines: Int = 0) {
        self.path = path
        var header: [String]?
        var headerLine = 0
        var rows: [CSVRow] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if lineNumber <= skippingLines { continue }
            let line = Self.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String(Self.trimmed($0)) }
            if header == nil {
                header = fields
                headerLine = lineNumber
            } else {
                rows.append(CSVRow(path: path, line: lineNumber, text: String(line), fields: fields))
            }
        }
        self.header = header ?? []
        self.headerLine = headerLine
        self.rows = rows
        lastLine = lineNumber
    }

    /// Checks the header against the forms a format accepts (compared case-insensitively); returns the
    /// index of the form found.
    @discardableResult
    package func requireHeader(_ forms: [[String]]) throws(DataFileError) -> Int {
        let written = header.map { $0.lowercased() }
        if let index = forms.firstIndex(where: { $0 == written }) { return index }
        let expected = forms.map { "'\($0.joined(separator: ","))'" }.joined(separator: " or ")
        throw DataFileError(file: path, line: headerLine, value: header.joined(separator: ","),
                            expected: "the header \(expected)")
    }

    /// An error for the whole file, placed after its last line.
    package func endOfFile(expected: String) -> DataFileError {
        DataFileError(file: path, line: lastLine, value: "end of file", expected: expected)
    }

    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}

/// One data line of a `CSVFile`, with the checks every format needs and errors that point at the line.
package struct CSVRow: Sendable {
    package let path: String
    package let line: Int
    /// The whole line as written (trimmed), for errors about the line as a whole.
    package let text: String
    package let fields: [String]

    /// Refuses a line with another number of fields.
    package func requireFieldCount(_ counts: ClosedRange<Int>, expected: String) throws(DataFileError) {
        guard counts.contains(fields.count) else { throw error(value: text, expected: expected) }
    }

    /// Field `index` as a finite number; `expected` names the column for the error.
    package func number(_ index: Int, expected: String) throws(DataFileError) -> Double {
        guard index < fields.count, let value = Double(fields[index]), value.isFinite else {
            throw error(value: index < fields.count ? fields[index] : text, expected: expected)
        }
        return value
    }

    package func error(value: String, expected: String) -> DataFileError {
        DataFileError(file: path, line: line, value: value, expected: expected)
    }
}
