import Foundation
import OpenDSOTestSupport

/// Runs a Python check (numpy, xgboost) on a JSON document with the peer interpreter: `OPENDSO_PYTHON` when
/// set (scripts/test.sh sets it), else the repository's .venv from scripts/setup-peers.sh. The script gets
/// the input and output file paths as sys.argv[1] and sys.argv[2]; the Regression and Trees suites share it.
enum PythonPeer {
    static let python = Repository.peerPython

    /// Why the peer cannot run, or nil when it can.
    static var unavailableReason: String? { Repository.peerPythonUnavailableReason }

    /// The script's answer to `input`, decoded from the JSON it writes.
    static func run<Input: Encodable, Output: Decodable>(
        _ script: String, input: Input, as _: Output.Type
    ) throws -> Output {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("opendso-forecast-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("input.json")
        let outputURL = folder.appendingPathComponent("output.json")
        try JSONEncoder().encode(input).write(to: inputURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, inputURL.path, outputURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let log = pipe.fileHandleForReading.readDataToEndOfFile()  // before waiting: no pipe deadlock
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonPeerFailure(status: process.terminationStatus, output: String(decoding: log, as: UTF8.self))
        }
        return try JSONDecoder().decode(Output.self, from: Data(contentsOf: outputURL))
    }
}

/// A peer script that exited non-zero, with what it printed.
struct PythonPeerFailure: Error, CustomStringConvertible {
    let status: Int32
    let output: String
    var description: String { "python peer exited \(status): \(output)" }
}
