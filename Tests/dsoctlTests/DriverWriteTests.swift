import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl write` against the pymodbus SunSpec inverter: a confirmed write lands in model 704 and is held for its
/// TTL, then released; a declined one leaves the registers as they were and exits 4; bad points and values exit 3.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct DriverWriteTests {
    /// Model 704 of the inverter image: WMaxLimPctEna +14, WMaxLimPct +15.
    static let model704 = 40208

    static func arguments(_ config: String, value: String = "40", extra: [String] = []) throws -> [String] {
        ["write", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--point", "p_limit_pct", "--value", value] + extra
    }

    @Test func aConfirmedWriteLandsIsHeldForItsTTLAndIsReleasedAtTheEnd() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            #expect(try peer.registers(Self.model704 + 14, 2) == [0, 0])
            // Answered on stdin (no terminal): "yes" goes ahead.
            async let run = BuiltExecutable.dsoctl.run(try Self.arguments(config, extra: ["--ttl", "8s", "--json"]), in: folder, input: "yes\n")
            var seen: [UInt16] = []
            let deadline = Date().addingTimeInterval(60)  // generous: returns as soon as the write lands
            while seen != [1, 40], Date() < deadline {
                try await Task.sleep(nanoseconds: 100_000_000)
                seen = try peer.registers(Self.model704 + 14, 2)
            }
            #expect(seen == [1, 40], "WMaxLimPctEna and WMaxLimPct while held: \(seen)")
            let result = try await run
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Write 40 % to p_limit_pct on bench-dut? [y/N]"), "\(result)")
            let json = try jsonObject(result.stdout)
            #expect(json["readBack"] as? Double == 40 && json["before"] as? Double == 100, "\(json)")
            #expect((json["heldSeconds"] as? Double ?? 0) >= 7.9 && json["interrupted"] as? Bool == false, "\(json)")
            // Closed after the TTL: the driver handed the limit back (enable off).
            #expect(try peer.registers(Self.model704 + 14, 1) == [0])
        }
    }

    @Test(arguments: ["n\n", "maybe\n", nil])
    func aDeclinedWriteLeavesTheRegistersAndExitsFour(_ answer: String?) async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let before = try peer.registers(Self.model704, 40)
            let result = try await BuiltExecutable.dsoctl.run(try Self.arguments(config), in: folder, input: answer)
            #expect(result.status == 4, "\(result)")
            #expect(result.stderr.contains("nothing was written"), "\(result)")
            #expect(try peer.registers(Self.model704, 40) == before, "a declined write touched model 704")
        }
    }

    @Test func readOnlyPointsAndValuesOutsideTheLimitsAreRefusedBeforeAsking() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let before = try peer.registers(Self.model704, 40)
            let tooHigh = try await BuiltExecutable.dsoctl.run(try Self.arguments(config, value: "140", extra: ["--yes"]), in: folder)
            #expect(tooHigh.status == 3 && tooHigh.stderr.contains("outside the limits") && tooHigh.stderr.contains("0…100 %"), "\(tooHigh)")
            let readOnly = try await BuiltExecutable.dsoctl.run(["write", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--point", "m103.W",
                                                 "--value", "1", "--yes"], in: folder)
            #expect(readOnly.status == 3 && readOnly.stderr.contains("not writable") && readOnly.stderr.contains("writable points: m1.DA"), "\(readOnly)")
            #expect(!readOnly.stderr.contains("[y/N]"), "refused before asking")
            #expect(try peer.registers(Self.model704, 40) == before)
        }
    }
}
