import OpenDSOTestSupport
import DSODriverABI
import Testing

/// Discovery and decoding against pymodbus servers holding SunSpec images at 40000, 0 and 50000.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct SunSpecDiscoveryTests {
    static func open(_ peer: ModbusPeer, host: VirtualHost, extra: String = "") throws -> PluginInstance {
        let driver = try PluginLibrary.modbus.load()
        return try PluginInstance.opened(driver, host: host, config: "name=dut; host=127.0.0.1; port=\(peer.port); unit=1; timeout_ms=1000\(extra)")
    }

    @Test func inverterModelsAreFoundAndDecoded() throws {
        let peer = try ModbusPeer(device: "inverter")
        let host = VirtualHost()
        let instance = try Self.open(peer, host: host)
        // Exactly the models the peer holds, in chain order (the chain walked from the peer's registers).
        let chain = try PeerSunSpecChain(peer, base: 40000)
        #expect(chain.ids == [1, 103, 120, 121, 123, 704, 160, 705])
        let models = chain.ids.map(String.init).joined(separator: ", ")
        #expect(host.messages.contains { $0.text.hasSuffix("SunSpec at 40000, models \(models)") }, "\(host.messages)")
        let names = Set(instance.points.map(\.name))
        #expect(names.contains("m103.W") && names.contains("m704.WSet") && names.contains("m123.WMaxLimPct"))
        #expect(!names.contains { $0.hasPrefix("m101.") || $0.hasPrefix("m124.") || $0.hasPrefix("m203.") })
        let reading = try instance.read()
        #expect(abs(reading["m103.A"] - 12.3) < 1e-9)   // 123 × 10^-1
        #expect(reading["m103.W"] == 4500)
        #expect(abs(reading["m103.Hz"] - 50.0) < 1e-9)  // 5000 × 10^-2
        #expect(reading["m103.WH"] == 1_234_567)         // acc32
        #expect(reading["m103.St"] == 4)
        #expect(reading["m103.PhVphA"].isNaN)            // 0xFFFF: not implemented
        #expect(reading["m120.WRtg"] == 6000)            // 600 × 10^1
        #expect(reading["m121.WMax"] == 6000)
        let watts = try #require(instance.points.first { $0.name == "m103.W" })
        #expect(watts.unit == "W" && watts.kind == DSO_POINT_MEASUREMENT && !watts.writable)
        #expect(instance.points.contains { $0.name == "p_limit_pct" && $0.writable })
        #expect(instance.points.contains { $0.name == "p_set_w" && $0.writable })
    }

    @Test func storageIsFoundAtZeroWhenNothingAnswersAt40000() throws {
        let peer = try ModbusPeer(device: "storage")
        let host = VirtualHost()
        let instance = try Self.open(peer, host: host)
        #expect(host.logged("SunSpec at 0, models 1, 124, 802"), "\(host.messages)")
        let reading = try instance.read()
        #expect(abs(reading["m802.SoC"] - 65.5) < 1e-9)
        #expect(reading["m802.W"] == -1200)
        #expect(abs(reading["m124.ChaState"] - 65.5) < 1e-9)
        #expect(reading["m124.WChaMax"] == 5000)
        let setpoint = try #require(instance.points.first { $0.name == "p_set_w" })
        #expect(setpoint.minimum == -5000 && setpoint.maximum == 5000)
    }

    @Test func meterIsFoundAt50000() throws {
        let peer = try ModbusPeer(device: "meter")
        let host = VirtualHost()
        let instance = try Self.open(peer, host: host)
        #expect(host.logged("SunSpec at 50000, models 1, 203"), "\(host.messages)")
        let reading = try instance.read()
        #expect(reading["m203.W"] == -1500)
        #expect(abs(reading["m203.Hz"] - 60.0) < 1e-9)
        #expect(reading["m203.TotWhImp"] == 987_654)
        #expect(!instance.points.contains { $0.writable && !$0.name.hasPrefix("m") })  // a meter has no controls
    }

    @Test func aDeviceWithoutSunSpecIsRefusedNamingTheBasesTried() throws {
        let peer = try ModbusPeer(device: "victron")
        let driver = try PluginLibrary.modbus.load()
        let result = PluginInstance.open(driver, host: VirtualHost(), config: "name=gx; host=127.0.0.1; port=\(peer.port)")
        guard case .failure(let failure) = result else { Issue.record("opened a device without SunSpec"); return }
        #expect(failure.message.contains("device 'gx'"))
        #expect(failure.message.contains("no SunSpec marker 'SunS' at 40000"))
        #expect(failure.message.contains("50000"))
    }
}
