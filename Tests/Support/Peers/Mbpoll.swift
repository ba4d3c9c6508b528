import Foundation

/// Debian's `mbpoll`, an independent Modbus TCP master, against a server on 127.0.0.1: always 0-based (`-0`),
/// big-endian word order (`-B`), unit 1, one poll (`-1`), 2-s timeout.
public enum Mbpoll {
    static let path: String? = ["/usr/bin/mbpoll", "/usr/local/bin/mbpoll"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// How one run ended and what it printed (stdout and stderr together).
    public struct Result: Sendable {
        public var status: Int32
        public var output: String

        /// `[address]: value` lines of a read, by address, as printed.
        public var values: [Int: String] {
            var values: [Int: String] = [:]
            for line in output.split(separator: "\n") where line.hasPrefix("[") {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let address = Int(parts[0].dropFirst().dropLast()) else { continue }
                values[address] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            return values
        }

        /// The values that read as numbers, by address.
        public var numbers: [Int: Double] { values.compactMapValues { Double($0) } }
    }

    /// `mbpoll -m tcp -p PORT -0 -B -1 -a 1 -o 2 ARGS… 127.0.0.1 [-- VALUES…]` (values after `--`, so a negative
    /// one is not read as an option).
    public static func run(port: Int, _ arguments: [String], values: [String] = []) throws -> Result {
        guard let path else { throw PeerError("mbpoll is not installed (scripts/setup-peers.sh installs it)") }
        let run = try Command.run(path, ["-m", "tcp", "-p", "\(port)", "-0", "-B", "-1", "-a", "1", "-o", "2"] + arguments
                                  + ["127.0.0.1"] + (values.isEmpty ? [] : ["--"] + values))
        return Result(status: run.status, output: run.output)
    }

    /// `count` float32 input registers from `register` on, by address; nil when mbpoll fails (nobody listens yet).
    public static func inputFloats(port: Int, register: Int, count: Int) -> [Int: Double]? {
        guard let result = try? run(port: port, ["-t", "3:float", "-r", "\(register)", "-c", "\(count)"]),
              result.status == 0 else { return nil }
        return result.numbers
    }
}
