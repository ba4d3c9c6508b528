import Foundation
import OpenDSOTestSupport

/// Runs Tests/peers/dispatch_highs_check.py with the repository's peer interpreter (.venv from
/// scripts/setup-peers.sh), located from the repository root so the check works from any directory.
enum HighsPeer {
    static let python = Repository.root.appendingPathComponent(".venv/bin/python")
    static let script = Repository.root.appendingPathComponent("Tests/peers/dispatch_highs_check.py")

    /// Why the peer cannot run, or nil when it can.
    static var unavailableReason: String? {
        FileManager.default.isExecutableFile(atPath: python.path)
            ? nil
            : "no peer interpreter at \(python.path): run scripts/setup-peers.sh to create it"
    }

    /// Exit status and combined output of the script on `arguments`.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()  // before waiting: no pipe deadlock
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// One instance as the script's JSON, with our cost and dispatch for it to check.
    static func json(name: String, _ instance: DispatchInstance, ourCost: Double, ourOutput: [Double]) -> String {
        func array(_ values: [Double]) -> String { "[" + values.map { "\($0)" }.joined(separator: ",") + "]" }
        return """
        {"name":"\(name)","lower":\(array(instance.lower)),"upper":\(array(instance.upper)),\
        "linearCost":\(array(instance.linearCost)),"quadraticCost":\(array(instance.quadraticCost)),\
        "targetKW":\(instance.targetKW),"ourCost":\(ourCost),"ourOutput":\(array(ourOutput))}
        """
    }
}
