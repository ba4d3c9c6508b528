import Foundation

/// Debian's `sqlite3` command line: an independent reader of a historian's database file.
public enum SQLiteShell {
    static let path = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs one statement; returns the rows, columns separated by `|`. Throws with sqlite3's message when it fails.
    public static func query(_ database: String, _ sql: String) throws -> [String] {
        guard let path else { throw PeerError("sqlite3 is not installed (apt-get install sqlite3)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [database, sql]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PeerError("sqlite3 \(database) \"\(sql)\": \(errorText)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The rows of one statement as one text, a row a line: a single value or row reads as itself.
    public static func text(_ database: String, _ sql: String) throws -> String {
        try query(database, sql).joined(separator: "\n")
    }

    /// The single integer a `SELECT count(*) …` returns.
    public static func count(_ database: String, _ sql: String) throws -> Int {
        Int(try query(database, sql).first ?? "") ?? -1
    }
}
