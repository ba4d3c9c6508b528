import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl read` through libDSOModbusDriver.so against the pymodbus SunSpec inverter: the values are the peer's
/// registers decoded, and a device that does not answer exits 2 with what to check.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct DriverReadTests {
    /// Model 103 of the inverter image starts (ID register) at 40070: A +2, A_SF +6, W +14, W_SF +15, Hz +16, Hz_SF +17.
    static let model103 = 40070

    /// `raw × 10^sf` of the peer's registers, decoded here from the SunSpec rules, independently of the driver.
    static func decoded(_ peer: ModbusPeer, value: Int, factor: Int) throws -> Double {
        let raw = Double(Int16(bitPattern: try peer.registers(model103 + value, 1)[0]))
        let scale = Int(Int16(bitPattern: try peer.registers(model103 + factor, 1)[0]))
        return raw * pow(10, Double(scale))
    }

    @Test func readValuesAreThePeersRegistersDecoded() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            try peer.set(Self.model103 + 14, [3217])   // W: a value the image did not start with
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let result = try await BuiltExecutable.dsoctl.run(["read", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--json",
                                               "--point", "m103.W", "--point", "m103.A", "--point", "m103.Hz", "--point", "m103.PhVphA"],
                                              in: folder)
            #expect(result.status == 0, "\(result)")
            let json = try jsonObject(result.stdout)
            #expect((json["device"] as? [String: Any])?["driver"] as? String == "modbus")
            let points = try #require(json["points"] as? [[String: Any]])
            #expect(points.map { $0["name"] as? String } == ["m103.W", "m103.A", "m103.Hz", "m103.PhVphA"], "only the asked points, in order")
            #expect(entry(points, named: "m103.W")?["value"] as? Double == (try Self.decoded(peer, value: 14, factor: 15)))
            let amps = try #require(entry(points, named: "m103.A")?["value"] as? Double)
            #expect(abs(amps - (try Self.decoded(peer, value: 2, factor: 6))) < 1e-9)
            let hertz = try #require(entry(points, named: "m103.Hz")?["value"] as? Double)
            #expect(abs(hertz - (try Self.decoded(peer, value: 16, factor: 17))) < 1e-9)
            // 0xFFFF is SunSpec's "not implemented": no number, and the status says so.
            let voltage = try #require(entry(points, named: "m103.PhVphA"))
            #expect(voltage["value"] is NSNull && voltage["status"] as? String == "unavailable", "\(voltage)")

            let table = try await BuiltExecutable.dsoctl.run(["read", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--point", "m103.W"],
                                             in: folder)
            #expect(table.status == 0 && table.stdout.contains("m103.W") && table.stdout.contains("3217"), "\(table)")
        }
    }

    @Test func aDeviceThatDoesNotAnswerExitsTwoAndSaysWhatToCheck() async throws {
        try await TemporaryFolder.with { folder in
            // A port nobody listens on: the driver's SunSpec discovery at open gets "connection refused".
            let peer = try ModbusPeer(device: "inverter")
            let port = peer.port
            withExtendedLifetime(peer) {}
            kill(peer.process.processIdentifier, SIGKILL)
            peer.process.waitUntilExit()
            let config = try folder.write("gone.conf", "name=gone; host=127.0.0.1; port=\(port); unit=1; timeout_ms=300")
            let result = try await BuiltExecutable.dsoctl.run(["read", "--plugin", try PluginLibrary.modbus.path(), "--config", config], in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("refused the configuration of instance 'gone'"), "the driver's message: \(result)")
            #expect(result.stderr.contains("check:") && result.stderr.contains("unit id"), "\(result)")
        }
    }

    @Test func anUnknownPointOrAMissingConfigurationIsRefused() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let unknown = try await BuiltExecutable.dsoctl.run(["read", "--plugin", try PluginLibrary.modbus.path(), "--config", config, "--point", "m103.Watts"],
                                               in: folder)
            #expect(unknown.status == 3 && unknown.stderr.contains("no point 'm103.Watts'") && unknown.stderr.contains("m103.W"), "\(unknown)")
            let usage = try await BuiltExecutable.dsoctl.run(["read", "--plugin", try PluginLibrary.modbus.path()], in: folder)
            #expect(usage.status == 64 && usage.stderr.contains("--config"), "\(usage)")
            let badKey = try folder.write("bad.conf", "host=127.0.0.1; port=\(peer.port); colour=red")
            let refused = try await BuiltExecutable.dsoctl.run(["read", "--plugin", try PluginLibrary.modbus.path(), "--config", badKey], in: folder)
            #expect(refused.status == 3 && refused.stderr.contains("colour") && refused.stderr.contains("bad.conf"), "\(refused)")
        }
    }
}
