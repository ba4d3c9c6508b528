import Foundation

/// Runs a Python peer script (highspy, numpy…) with the test interpreter: `OPENDSO_PYTHON` when set
/// (scripts/test.sh sets it), else the repository's .venv from scripts/setup-peers.sh.
public enum PythonScript {
    public static var python: String { Repository.peerPython }

    /// What `script` printed on standard output, given `arguments` as sys.argv[1…]; throws with everything it
    /// printed when it exits non-zero.
    public static func run(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        // Standard error to a file: one pipe read to its end cannot deadlock on the other filling up.
        let errorsURL = FileManager.default.temporaryDirectory.appendingPathComponent("opendso-python-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorsURL)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
            throw PeerError("python peer (\(python)) exited \(process.terminationStatus): \(text)\(errors)")
        }
        return text
    }
}
