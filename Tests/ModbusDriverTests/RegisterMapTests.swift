import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// Devices without SunSpec, described by the JSON maps shipped in Plugins/Modbus/maps, against pymodbus images.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct RegisterMapTests {
    static func open(_ peer: ModbusPeer, map: String, host: VirtualHost = VirtualHost(), extra: String = "") throws -> PluginInstance {
        let driver = try PluginLibrary.modbus.load()
        return try PluginInstance.opened(driver, host: host, config: "name=dut; host=127.0.0.1; port=\(peer.port); map=\(map)\(extra)")
    }

    @Test func batteryInverterMapDecodesAndWritesTheSetPoint() throws {
        let peer = try ModbusPeer(device: "victron")
        let instance = try Self.open(peer, map: ModbusPeer.mapPath("victron-gx-ess.json"))
        #expect(instance.points.map(\.name) == ["battery_v", "battery_a", "battery_w", "soc_pct", "ess_setpoint_w"])
        let reading = try instance.read()
        #expect(abs(reading["battery_v"] - 52.30) < 1e-9)
        #expect(abs(reading["battery_a"] - -12.5) < 1e-9)
        #expect(reading["battery_w"] == -650)
        #expect(reading["soc_pct"] == 77)
        instance.host.nowNanoseconds = 1_000_000_000
        let result = instance.write("ess_setpoint_w", -800, validUntilNanoseconds: 5_000_000_000)
        #expect(result.code == DSO_OK, "\(result.message)")
        #expect(try peer.registers(2700, 1) == [UInt16(bitPattern: -800)])
        #expect(try instance.read()["ess_setpoint_w"] == -800)
        #expect(instance.write("battery_w", 1, validUntilNanoseconds: 5_000_000_000).code == DSO_ERROR_READ_ONLY)
    }

    @Test func meterMapReadsFloatInputRegisters() throws {
        let peer = try ModbusPeer(device: "sdm630")
        let instance = try Self.open(peer, map: ModbusPeer.mapPath("eastron-sdm630.json"))
        let reading = try instance.read()
        #expect(reading["v_l1"] == 231.5)
        #expect(reading["a_l1"] == 4.25)
        #expect(reading["p_total_w"] == 2950)
        #expect(abs(reading["frequency_hz"] - 49.98) < 1e-4)
        #expect(reading["import_kwh"] == 1234.5)
        #expect(reading["export_kwh"] == 10.25)
    }

    @Test func lowWordFirstAndScaleAreApplied() throws {
        let peer = try ModbusPeer(device: "sdm630")
        // 231.5 as float32 is 0x4367 0x8000; read low word first the bytes mean another value entirely.
        let map = try Self.writeMap("""
        {"device": "test", "points": [
          {"name": "v_swapped", "address": 0, "function": 4, "type": "float32", "word_order": "little", "unit": "V"},
          {"name": "v_high_word", "address": 0, "function": 3, "type": "uint16", "scale": 0.5, "unit": ""},
          {"name": "v_as_uint32", "address": 0, "type": "uint32", "unit": ""}
        ]}
        """)
        let reading = try Self.open(peer, map: map).read()
        #expect(reading["v_swapped"] == Double(Float(bitPattern: 0x8000_4367)))
        #expect(reading["v_high_word"] == Double(0x4367) * 0.5)
        #expect(reading["v_as_uint32"] == Double(0x4367_8000))
    }

    @Test func aModbusExceptionNamesDeviceRegisterAndException() throws {
        let peer = try ModbusPeer(device: "victron")
        let map = try Self.writeMap("""
        {"device": "test", "points": [{"name": "nowhere", "address": 5000, "type": "uint16", "unit": ""}]}
        """)
        let instance = try Self.open(peer, map: map)
        let result = instance.attemptRead()
        #expect(result.code == DSO_ERROR_IO)
        #expect(result.message.contains("device 'dut'"), "\(result.message)")
        #expect(result.message.contains("at 5000"), "\(result.message)")
        #expect(result.message.contains("Modbus exception 2 (illegal data address)"), "\(result.message)")
    }

    @Test func badMapsAreRefusedNamingFileAndKey() throws {
        let driver = try PluginLibrary.modbus.load()
        let map = try Self.writeMap("""
        {"device": "test", "points": [{"name": "x", "address": 1, "type": "int24", "unit": ""}]}
        """)
        guard case .failure(let failure) = PluginInstance.open(driver, host: VirtualHost(), config: "host=127.0.0.1; port=1; map=\(map)") else {
            Issue.record("opened a map with type int24")
            return
        }
        #expect(failure.message.contains(map) && failure.message.contains("points[0] ('x').type: 'int24'"), "\(failure.message)")
        guard case .failure(let unknown) = PluginInstance.open(driver, host: VirtualHost(), config: "host=127.0.0.1; baud_rate=9600") else {
            Issue.record("accepted an unknown key")
            return
        }
        #expect(unknown.message.contains("config key 'baud_rate' is unknown"), "\(unknown.message)")
    }

    static func writeMap(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("modbus-map-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
