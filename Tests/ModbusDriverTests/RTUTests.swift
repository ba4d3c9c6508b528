import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// Modbus RTU over a pseudo-terminal pair (socat) against a pymodbus RTU server.
@Suite(.enabled(if: ModbusPeer.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/socat"),
                "pymodbus 3.16.1 in .venv and socat needed (run scripts/setup-peers.sh)"), .serialized)
struct RTUTests {
    @Test func mapReadAndSetPointOverSerial() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modbus-rtu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let driverSide = folder.appendingPathComponent("driver").path
        let deviceSide = folder.appendingPathComponent("device").path
        let socat = Process()
        socat.executableURL = URL(fileURLWithPath: "/usr/bin/socat")
        socat.arguments = ["pty,raw,echo=0,link=\(driverSide)", "pty,raw,echo=0,link=\(deviceSide)"]
        socat.standardError = FileHandle.nullDevice
        try socat.run()
        defer { kill(socat.processIdentifier, SIGKILL) }
        let deadline = Date().addingTimeInterval(5)
        while !(FileManager.default.fileExists(atPath: driverSide) && FileManager.default.fileExists(atPath: deviceSide)), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let peer = try ModbusPeer(device: "victron", unit: 7, serial: deviceSide, baud: 19200)
        let driver = try PluginLibrary.modbus.load()
        let host = VirtualHost()
        let config = "name=bess-rtu; transport=rtu; device=\(driverSide); baud=19200; parity=N; data_bits=8; stop_bits=1; unit=7; timeout_ms=1000; min_gap_ms=5; map=\(ModbusPeer.mapPath("victron-gx-ess.json"))"
        let instance = try PluginInstance.opened(driver, host: host, config: config)
        let reading = try instance.read()
        #expect(abs(reading["battery_v"] - 52.30) < 1e-9)
        #expect(reading["soc_pct"] == 77)
        host.nowNanoseconds = 1
        let result = instance.write("ess_setpoint_w", 2200, validUntilNanoseconds: 10_000_000_000)
        #expect(result.code == DSO_OK, "\(result.message)")
        #expect(try peer.registers(2700, 1) == [2200])
    }
}
