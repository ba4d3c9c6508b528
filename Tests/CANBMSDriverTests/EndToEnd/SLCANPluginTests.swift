import OpenDSOTestSupport
import DSODriverABI
import DSODriverHost
import Foundation
import Testing

/// The plugin, loaded with dlopen, against python-can on the other end of a pseudo-terminal pair speaking SLCAN,
/// with frames encoded by cantools from the project's DBC. Opened as the bench opens it (DSODriverHost's probe);
/// only the identity test calls the vtable itself.
@Suite(.serialized) struct SLCANPluginTests {
    static func near(_ value: Double?, _ expected: Double, within tolerance: Double = 1e-9) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    @Test func decodesThePeersFramesSendsKeepAlivesAndTimesOutWhenTheBMSFallsSilent() throws {
        try #require(Repository.peerUnavailableReason == nil, "\(Repository.peerUnavailableReason ?? "")")
        let pair = try PseudoTerminalPair()
        let plugin = try PluginLibrary.canBMS.probe().open(
            configuration: "transport=slcan:\(pair.plugin); protocol=pylontech-v1.2; frame_timeout_s=1", instanceName: "bms")
        let before = try plugin.namedValues()
        #expect(before["fault"] == 2 && before["available_up_kw"] == 0 && before["available_down_kw"] == 0)

        let peer = try BMSPeer(port: pair.peer, dbc: Repository.pylontechDBC, duration: 4.6, silentAt: 2.5)
        let ready = monotonicNanoseconds()
        let heard = try plugin.namedValues(until: { $0["fault"] == 0 }, within: 2)
        try #require(heard.met, "the plugin never decoded a full set of frames: \(heard.values) \(peer.text)")
        let values = heard.values
        #expect(values["soc"] == 88 && values["soh"] == 94)
        #expect(Self.near(values["voltage_v"], 49.86) && Self.near(values["current_a"], -27.0))
        #expect(Self.near(values["temperature_degc"], 36.3))
        #expect(Self.near(values["charge_voltage_limit_v"], 53.2) && Self.near(values["discharge_voltage_limit_v"], 45.0))
        #expect(Self.near(values["charge_current_limit_a"], 480) && Self.near(values["discharge_current_limit_a"], 480))
        #expect(Self.near(values["available_up_kw"], 480 * 49.86 / 1000))
        #expect(Self.near(values["available_down_kw"], -480 * 49.86 / 1000))
        #expect(Self.near(values["p_kw"], 27 * 49.86 / 1000))
        #expect(values["charge_enable"] == 1 && values["discharge_enable"] == 1 && values["alarm_flags"] == 0)

        let silent = try plugin.namedValues(until: { $0["fault"] == 2 }, within: 4)
        try #require(silent.met, "a silent BMS never made the battery unavailable")
        let afterSilence = Double(monotonicNanoseconds() - ready) / 1e9 - 2.5
        // 1 s timeout; frames came every 0.1 s, reads every 20 ms; python and the pty add some slack.
        #expect(afterSilence > 0.8 && afterSilence < 2.0, "unavailable \(afterSilence) s after the BMS went silent")
        #expect(silent.values["available_up_kw"] == 0 && silent.values["available_down_kw"] == 0)
        let logLines = plugin.takeLogLines().map(\.message)
        #expect(logLines.contains { $0.contains("no frame 0x351 for 1.0 s: battery unavailable") }, "\(logLines)")

        // Keep reading until the peer stops: the plugin's keep-alive rides on the host's reads.
        _ = try plugin.namedValues(until: { _ in false }, within: max(0, 4.7 - Double(monotonicNanoseconds() - ready) / 1e9))
        let output = peer.finish()
        let keepAlives = peer.keepAlives
        #expect(keepAlives.count >= 4, "python-can received \(keepAlives.count) keep-alives: \(output)")
        #expect(keepAlives.allSatisfy { $0.hex == "0000000000000000" && $0.dlc == "dlc=8" })
        let gaps = zip(keepAlives.dropFirst(), keepAlives).map { $0.seconds - $1.seconds }
        #expect(gaps.allSatisfy { $0 > 0.8 && $0 < 1.4 }, "keep-alive gaps \(gaps)")
    }

    @Test func alarmFromTheBMSMakesTheBatteryUnavailable() throws {
        try #require(Repository.peerUnavailableReason == nil, "\(Repository.peerUnavailableReason ?? "")")
        let pair = try PseudoTerminalPair()
        let plugin = try PluginLibrary.canBMS.probe().open(
            configuration: "transport=slcan:\(pair.plugin); protocol=pylontech-v1.2", instanceName: "bms")
        let peer = try BMSPeer(port: pair.peer, dbc: Repository.pylontechDBC, duration: 2.5, alarmAt: 1.2)
        let heard = try plugin.namedValues(until: { $0["fault"] == 0 }, within: 1.1)
        #expect(heard.met && heard.values["available_up_kw"]! > 20)
        let alarmed = try plugin.namedValues(until: { $0["fault"] == 1 }, within: 2)
        #expect(alarmed.met, "no alarm: \(alarmed.values)")
        #expect(alarmed.values["alarm_flags"] == 8)  // over-temperature, 0x359 byte 0 bit 3
        #expect(alarmed.values["available_up_kw"] == 0 && alarmed.values["available_down_kw"] == 0)
        _ = peer.finish()
    }

    @Test func smaProtocolFromTheSMADBC() throws {
        try #require(Repository.peerUnavailableReason == nil, "\(Repository.peerUnavailableReason ?? "")")
        let pair = try PseudoTerminalPair()
        let plugin = try PluginLibrary.canBMS.probe().open(
            configuration: "transport=slcan:\(pair.plugin); protocol=sma", instanceName: "bms")
        let peer = try BMSPeer(port: pair.peer, dbc: Repository.smaDBC, duration: 2.2, alarmAt: 1.2)
        let heard = try plugin.namedValues(until: { $0["fault"] == 0 }, within: 1.1)
        #expect(heard.met && heard.values["soc"] == 88)
        #expect(Self.near(heard.values["available_up_kw"], 480 * 49.86 / 1000))
        let alarmed = try plugin.namedValues(until: { $0["fault"] == 1 }, within: 2)
        #expect(alarmed.met && alarmed.values["alarm_flags"] == 8, "\(alarmed.values)")
        _ = peer.finish()
    }

    @Test(arguments: [
        ("transport=slcan:/dev/null/none", "can-bms: config key 'transport': slcan:/dev/null/none: cannot open: Not a directory"),
        ("protocol=pylontech-v1.2", "can-bms: config key 'transport' is missing"),
        ("transport=can0", "can-bms: config key 'transport': 'can0' is not a transport"),
        ("transport=slcan:/dev/null; protocol=victron", "can-bms: config key 'protocol': 'victron' is unknown; expected one of pylontech-v1.2, pylontech-v1.3, sma"),
        ("transport=slcan:/dev/null; colour=red", "can-bms: config key 'colour' is unknown"),
        ("transport=slcan:/dev/null; bitrate=333000", "bit rate 333000 has no SLCAN code"),
        ("transport=slcan:/dev/null; frame_timeout_s=-1", "can-bms: config key 'frame_timeout_s': '-1' is not a number of seconds"),
        ("transport=socketcan:can0", "can-bms: config key 'transport': socketcan:can0: cannot open a CAN_RAW socket"),
    ])
    func badConfigurationIsRefusedWithTheKeyNamed(_ config: String, _ message: String) throws {
        let plugin = try PluginLibrary.canBMS.probe()
        do {
            _ = try plugin.open(configuration: config, instanceName: "bms")
            Issue.record("opened with \(config)")
        } catch {
            #expect(error.driverMessage?.contains(message) == true, "\(error)")
        }
    }

    @Test func identityAndPoints() throws {
        let driver = try PluginLibrary.canBMS.load()
        #expect(String(cString: driver.pointee.name) == "can-bms")
        #expect(driver.pointee.abi_version == DSO_DRIVER_ABI_VERSION)
        let plugin = try PluginInstance.opened(driver, host: VirtualHost(), config: "transport=slcan:/dev/null")
        #expect(plugin.points.prefix(5).map(\.name) == ["p_kw", "available_up_kw", "available_down_kw", "fault", "soc"])
        var error = [CChar](repeating: 0, count: 128)
        #expect(driver.pointee.write(plugin.handle, 0, 1, 1, &error, error.count) == DSO_ERROR_READ_ONLY)
    }
}
