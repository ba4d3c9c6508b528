import Foundation

/// Debian's `sqlite3` command line: an independent reader of the historian's file.
enum SQLiteShell {
    static let path = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs one SQL statement against `database` and returns standard output, trimmed.
    static func query(_ database: String, _ sql: String) throws -> String {
        guard let path else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "sqlite3"]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [database, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
