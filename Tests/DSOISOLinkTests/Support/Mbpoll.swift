import Foundation
import Testing

/// Runs Debian's `mbpoll` (an independent Modbus master) against the link; always 0-based (`-0`),
/// big-endian word order (`-B`), unit 1, one poll (`-1`).
enum Mbpoll {
    static let path: String? = ["/usr/bin/mbpoll", "/usr/local/bin/mbpoll"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Result {
        var status: Int32
        var output: String
        /// `[address]: value` lines of a read, by address.
        var values: [Int: String] {
            var values: [Int: String] = [:]
            for line in output.split(separator: "\n") where line.hasPrefix("[") {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let address = Int(parts[0].dropFirst().dropLast()) else { continue }
                values[address] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            return values
        }
    }

    /// `mbpoll -m tcp -p PORT -0 -B -1 -a 1 ARGS… 127.0.0.1 [VALUES…]`.
    static func run(port: Int, _ arguments: [String], values: [String] = []) throws -> Result {
        let path = try #require(path, "mbpoll not installed (scripts/setup-peers.sh installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-m", "tcp", "-p", "\(port)", "-0", "-B", "-1", "-a", "1", "-o", "2"] + arguments
            + ["127.0.0.1"] + (values.isEmpty ? [] : ["--"] + values)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
