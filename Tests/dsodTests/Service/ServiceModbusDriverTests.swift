import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dsod run --config` on a real driver: the built Modbus plugin against a pymodbus SunSpec battery. The
/// kernel's set points reach the device's registers, its telemetry comes back (API, historian, and after
/// the peer's registers change), a device that stops answering goes stale in the API and the driver status
/// while the kernel keeps cycling, it rejoins, and SIGTERM hands control back (StorCtl_Mod 0).
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct ServiceModbusDriverTests {
    typealias Fixture = ModbusServiceFixture

    /// The one resource and the one driver instance as the API shows them now.
    struct Observation {
        var resource: ResourceStatus
        var driver: DriverStatus
        var cycles: Int
        var health: String { resource.health }
        var telemetry: ResourceStatus.Telemetry { resource.telemetry }
        var setpointKW: Double? { resource.setpoint.kw }
        var driverState: String { driver.state }
    }

    static func observe(_ api: HTTPClient) async throws -> Observation? {
        let token = Fixture.viewerToken
        guard let resources = try? await api.get("/api/v1/resources", token: token).json([ResourceStatus].self),
              let drivers = try? await api.get("/api/v1/drivers", token: token).json([DriverStatus].self),
              let status = try? await api.get("/api/v1/status", token: token).json(StatusDocument.self),
              let resource = resources.first, let driver = drivers.first else { return nil }
        return Observation(resource: resource, driver: driver, cycles: status.kernel.cycles)
    }

    /// Polls the API until `condition` holds; records an issue naming `what` (with the last observation) if it never does.
    static func waitFor(_ what: String, _ api: HTTPClient, timeoutSeconds: Double = 20,
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ condition: (Observation) throws -> Bool) async throws -> Observation? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var last: Observation?
        while Date() < deadline {
            if let observation = try await observe(api) {
                last = observation
                if try condition(observation) { return observation }
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        Issue.record("\(what) not seen within \(timeoutSeconds) s; last: \(String(describing: last?.resource)) \(String(describing: last?.driver))",
                     sourceLocation: sourceLocation)
        return nil
    }

    /// 124's OutWRte/InWRte as the driver must write `kw`: % of WChaMax × 10, discharge in OutWRte.
    static func rateRegisters(forKW kw: Double) -> [UInt16] {
        let percentTimesTen = UInt16((abs(kw) / Fixture.wChaMaxKW * 1000).rounded())
        return kw >= 0 ? [percentTimesTen, 0] : [0, percentTimesTen]
    }

    static func near(_ value: Double?, _ expected: Double) -> Bool {
        guard let number = value else { return false }
        return abs(number - expected) < 1e-6
    }

    @Test func aModbusBatteryIsControlledThroughDsodRun() async throws {
        let plugin = try PluginLibrary.modbus.path()
        let peer = try ModbusPeer(device: "storage")
        try await TemporaryFolder.with { folder in
            let apiPort = try freeTCPPort()
            let config = try Fixture.write(in: folder, plugin: plugin, devicePort: peer.port, apiPort: apiPort)
            let check = try await BuiltExecutable.dsod.run(["check-config", config], in: folder, timeoutSeconds: 60)
            #expect(check.status == 0 && check.stdout.contains("1 driver: bess-1"), "\(check)")

            let state = folder.file("state")
            let service = try BackgroundProcess.dsod(["run", "--config", config], in: folder,
                                             environment: ["STATE_DIRECTORY": state])
            #expect(service.waitForLog("api: listening", timeoutSeconds: 30), "\(service.stderr)")
            let api = HTTPClient(port: apiPort, timeoutSeconds: 5)

            // Telemetry in: 802's W = −1200 W (charging) and SoC = 65.5 % reach the kernel in its units.
            let first = try await Self.waitFor("the battery's telemetry", api) {
                $0.health == "ok" && Self.near($0.telemetry.measuredKW, -1.2) && Self.near($0.telemetry.soc, 0.655)
            }
            #expect(first?.driverState == "ok", "\(String(describing: first?.driver))")

            // Set points out: the schedule asks for export, so the kernel has the battery discharge; the
            // published kW lands in 124 as a rate and storage control is taken (StorCtl_Mod 3).
            var matched: (kw: Double, registers: [UInt16])?
            let deadline = Date().addingTimeInterval(20)
            while matched == nil, Date() < deadline {
                if let observation = try await Self.observe(api), let kw = observation.setpointKW, kw > 0 {
                    let registers = try peer.registers(Fixture.outWRte, 2)
                    if registers == Self.rateRegisters(forKW: kw) { matched = (kw, registers) }
                }
                if matched == nil { try await Task.sleep(nanoseconds: 200_000_000) }
            }
            let lastRates = try peer.registers(Fixture.outWRte, 2)
            let setpoint = try #require(matched, "the kernel's set point never reached OutWRte/InWRte: \(lastRates)\n\(service.stderr)")
            #expect(setpoint.registers[0] > 0 && setpoint.registers[1] == 0, "discharging: \(setpoint)")
            #expect(try peer.registers(Fixture.storCtlMod, 1) == [3])

            // The device changes: the kernel follows its registers.
            try peer.set(Fixture.wattRegister, [UInt16(bitPattern: -2500)])
            try peer.set(Fixture.socRegister, [400])
            _ = try await Self.waitFor("the changed registers (−2.5 kW, SOC 0.4)", api) {
                Self.near($0.telemetry.measuredKW, -2.5) && Self.near($0.telemetry.soc, 0.4)
            }

            // Driver status: healthy, counting reads, its map and library named.
            let healthy = try #require(try await Self.observe(api))
            #expect(healthy.driver.name == "bess-1" && healthy.driver.library == plugin, "\(healthy.driver)")
            #expect(healthy.driver.points == 5 && healthy.driver.readsOk > 0, "\(healthy.driver)")
            #expect((healthy.driver.lastGoodReadAgeSeconds ?? 99) < 5, "\(healthy.driver)")

            // The device stops answering: the battery goes stale, the driver says why, the kernel keeps cycling.
            try peer.mute(true)
            let stale = try await Self.waitFor("the muted device going stale", api) {
                $0.health == "stale" && $0.driverState == "failed"
            }
            let lastError = stale?.driver.lastError ?? ""
            #expect(lastError.contains("bess-1"), "the error names the device: \(lastError)")
            let metrics = try PrometheusParser.parse(try await api.get("/metrics").text)
            #expect(metrics["dso_driver_state{driver=bess-1,state=ok}"]?.value == 0, "\(metrics.keys.filter { $0.hasPrefix("dso_driver") })")
            #expect((metrics["dso_driver_reads_total{driver=bess-1,outcome=failed}"]?.value ?? 0) >= 1)
            let cyclesWhileMuted = stale?.cycles ?? 0
            _ = try await Self.waitFor("the kernel cycling on while the device is silent", api) {
                $0.cycles >= cyclesWhileMuted + 10 && $0.health == "stale"
                    && ($0.driver.lastGoodReadAgeSeconds ?? 0) > 1
            }

            // It answers again: it rejoins, and the kernel takes it back under control.
            try peer.mute(false)
            _ = try await Self.waitFor("the device rejoining", api) {
                $0.health == "ok" && $0.driverState == "ok" && Self.near($0.telemetry.measuredKW, -2.5)
            }

            // The historian kept the telemetry the device reported, before and after the change.
            try await Task.sleep(nanoseconds: 500_000_000)
            let database = "\(state)/historian.sqlite"
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM telemetry WHERE resource = 0 AND abs(measured_kw + 1.2) < 1e-9") >= 1)
            #expect(try SQLiteShell.count(database, "SELECT count(*) FROM telemetry WHERE resource = 0 AND abs(measured_kw + 2.5) < 1e-9 AND abs(soc - 0.4) < 1e-9") >= 1)

            // SIGTERM: a clean stop that releases the device's storage control.
            #expect(try peer.registers(Fixture.storCtlMod, 1) == [3], "control taken again after rejoining")
            service.send(SIGTERM)
            let exit = try #require(service.waitForExit(timeoutSeconds: 10), "\(service.stderr)")
            #expect(exit.exited && exit.status == 0, "\(service.stderr)")
            #expect(try peer.registers(Fixture.storCtlMod, 1) == [0], "StorCtl_Mod cleared on close\n\(service.stderr)")
            #expect(service.stderr.contains("stopped after"), "\(service.stderr)")
        }
        withExtendedLifetime(peer) {}
    }
}
