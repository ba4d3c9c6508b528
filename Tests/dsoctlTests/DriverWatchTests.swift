import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl watch`: JSON lines at the chosen rate, and a clean stop on SIGINT.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct DriverWatchTests {
    @Test func jsonLinesFollowThePeersRegisters() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let result = try await BuiltExecutable.dsoctl.run(["watch", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--point", "m103.W",
                                               "--rate", "100ms", "--count", "3", "--json"], in: folder)
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "\(result)")
            let objects = try lines.map { try jsonObject($0) }
            #expect(objects.allSatisfy { ($0["values"] as? [String: Any])?["m103.W"] as? Double == 4500 && $0["code"] as? String == "DSO_OK" })
            let times = objects.compactMap { $0["t"] as? Double }
            #expect(times.count == 3 && zip(times.dropFirst(), times).allSatisfy { $0 - $1 >= 0.09 }, "reads on the 100 ms grid: \(times)")
        }
    }

    @Test func sigintStopsTheWatchCleanly() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let executable = try #require(BuiltExecutable.dsoctl.url)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["watch", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--point", "m103.W", "--rate", "100ms"]
            let output = folder.file("watch.out"), errors = folder.file("watch.err")
            FileManager.default.createFile(atPath: output, contents: nil)
            FileManager.default.createFile(atPath: errors, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n").count < 3, Date() < deadline {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            kill(process.processIdentifier, SIGINT)
            let stop = Date().addingTimeInterval(10)
            while process.isRunning, Date() < stop { try await Task.sleep(nanoseconds: 50_000_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            let stdout = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(stdout)\n\(stderr)")
            #expect(stdout.contains("m103.W [W]") && stdout.contains("4500"), "\(stdout)")
            #expect(stderr.contains("read(s), 0 failed"), "the summary after SIGINT: \(stderr)")
        }
    }
}
