import Foundation
import Synchronization

/// Tests/peers/can/bms_peer.py as a running BMS: python-can on SLCAN, frames encoded by cantools from our DBC.
public final class BMSPeer: Sendable {
    private let process: Process
    private let output = OutputBuffer()

    /// Starts the peer and waits for its "ready" line (the serial line is open).
    public init(port: String, dbc: String, duration: Double, period: Double = 0.1, alarmAt: Double? = nil,
         silentAt: Double? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.python)
        var arguments = [Repository.peerScript, "run", "--port", port, "--dbc", dbc,
                         "--duration", "\(duration)", "--period", "\(period)"]
        if let alarmAt { arguments += ["--alarm-at", "\(alarmAt)"] }
        if let silentAt { arguments += ["--silent-at", "\(silentAt)"] }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        self.process = process
        let sink = output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { sink.append(String(decoding: data, as: UTF8.self)) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("ready") {
            guard process.isRunning, Date() < deadline else {
                throw PeerError("bms_peer.py did not get ready: \(text)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Everything the peer printed so far.
    public var text: String { output.text }

    /// The keep-alive lines: (seconds since ready, payload hex, DLC text).
    public var keepAlives: [(seconds: Double, hex: String, dlc: String)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[0] == "keepalive", let seconds = Double(parts[1]) else { return nil }
            return (seconds, String(parts[2]), String(parts[3]))
        }
    }

    /// Waits for the peer to finish (its duration), then returns its output.
    public func finish() -> String {
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.05)
        return text
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// Runs `bms_peer.py describe` on `dbc`: cantools' reading of the file as JSON.
    public static func describe(dbc: String) throws -> [[String: Any]] {
        guard let json = try run("describe", dbc: dbc) as? [[String: Any]] else {
            throw PeerError("bms_peer.py describe did not print a JSON array")
        }
        return json
    }

    /// Runs `bms_peer.py values` on `dbc`: per frame id ("0x351"), the DBC message name and the physical values
    /// the peer sends.
    public static func sentValues(dbc: String) throws -> [String: (name: String, signals: [String: NSNumber])] {
        guard let json = try run("values", dbc: dbc) as? [String: [String: Any]] else {
            throw PeerError("bms_peer.py values did not print a JSON object of frames")
        }
        return json.mapValues { frame in
            (frame["name"] as? String ?? "", frame["signals"] as? [String: NSNumber] ?? [:])
        }
    }

    /// Runs one of the peer's offline commands on `dbc` and reads what it prints as JSON.
    private static func run(_ command: String, dbc: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.python)
        process.arguments = [Repository.peerScript, command, "--dbc", dbc]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try? JSONSerialization.jsonObject(with: data) else {
            throw PeerError("bms_peer.py \(command) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return json
    }
}

/// The peer's output, appended by the pipe's handler thread and read by the test.
public final class OutputBuffer: Sendable {
    private let storage = Mutex("")
    public func append(_ text: String) { storage.withLock { $0 += text } }
    public var text: String { storage.withLock { $0 } }
}
