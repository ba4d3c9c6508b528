import Foundation

/// Runs a program that answers at once (mbpoll, systemd-analyze) to completion, stdout and stderr together.
///
/// No timeout and a pipe, unlike `ProductRun`: for short tools whose whole output fits the pipe.
public enum Command {
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
