import Foundation
import Glibc

/// A pymodbus device server (Tests/peers/modbus/device_server.py) in a child process, driven over its stdin/stdout.
public final class ModbusPeer {
    public let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending: [UInt8] = []
    /// The TCP port it listens on (0 for RTU).
    public private(set) var port = 0

    public static var python: String { Repository.root.appendingPathComponent(".venv/bin/python").path }

    /// Whether the pinned pymodbus is installed (scripts/setup-peers.sh).
    public static let isAvailable: Bool = {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import pymodbus, sys; sys.exit(0 if pymodbus.__version__ == '3.16.1' else 1)"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }()

    /// A map shipped in Plugins/Modbus/maps.
    public static func mapPath(_ name: String) -> String {
        Repository.root.appendingPathComponent("Plugins/Modbus/maps/\(name)").path
    }

    /// Starts `device` over TCP on a free port, or over RTU on `serial`; returns once it serves. Each of
    /// `otherUnits` gets its own copy of the image on the same line (several devices on one RS-485 bus); requests
    /// to any other unit id go unanswered (a dead device on the bus).
    public init(device: String, unit: Int = 1, otherUnits: [Int] = [], serial: String? = nil, baud: Int = 19200) throws {
        process.executableURL = URL(fileURLWithPath: ModbusPeer.python)
        var arguments = [Repository.root.appendingPathComponent("Tests/peers/modbus/device_server.py").path,
                         "--device", device, "--unit", String(unit)]
        for other in otherUnits { arguments += ["--unit", String(other)] }
        if let serial { arguments += ["--serial", serial, "--baud", String(baud)] }
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = try line(timeoutSeconds: 15)
        guard ready.hasPrefix("ready") else { throw PeerError("peer \(device) did not start: '\(ready)'") }
        port = Int(ready.split(separator: " ").last.flatMap { Int($0) } ?? 0)
    }

    deinit {
        // SIGKILL and no waitUntilExit: Foundation's wait spins a run loop that can hang in a test's deinit.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
    }

    /// Holding registers as the server holds them now.
    public func registers(_ address: Int, _ count: Int) throws -> [UInt16] {
        let answer = try command("get \(address) \(count)")
        return answer.split(separator: " ").dropFirst().compactMap { UInt16($0) }
    }

    public func set(_ address: Int, _ values: [UInt16]) throws {
        _ = try command("set \(address) " + values.map(String.init).joined(separator: " "))
    }

    /// Makes `registers` and `set` address unit `unit` (the first unit until then).
    public func select(unit: Int) throws { _ = try command("unit \(unit)") }

    /// While muted the server takes requests and never answers.
    public func mute(_ muted: Bool) throws { _ = try command(muted ? "mute" : "unmute") }

    private func command(_ text: String) throws -> String {
        input.fileHandleForWriting.write(Data((text + "\n").utf8))
        return try line(timeoutSeconds: 5)
    }

    private func line(timeoutSeconds: Double) throws -> String {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        let fd = output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = pending.firstIndex(of: 10) {
                let text = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return text
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw PeerError("peer gave no answer within \(timeoutSeconds) s") }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(remaining * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = Glibc.read(fd, &chunk, chunk.count)
            guard count > 0 else { throw PeerError("peer closed its output") }
            pending += chunk[..<count]
        }
    }
}

