import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl read` and `watch` through libDSOCANBMSDriver.so over SLCAN on a socat pty pair, with python-can
/// (Tests/peers/can/bms_peer.py, frames from our DBC) as the Pylontech BMS.
@Suite(.serialized) struct DriverCANTests {
    @Test func readAndWatchDecodeWhatTheBMSSends() async throws {
        try #require(Repository.peerUnavailableReason == nil, "\(Repository.peerUnavailableReason ?? "")")
        try await TemporaryFolder.with { folder in
            let pair = try PseudoTerminalPair()
            let config = try folder.write("bms.conf", "transport=slcan:\(pair.plugin)\nprotocol=pylontech-v1.2\nframe_timeout_s=1")
            let peer = try BMSPeer(port: pair.peer, dbc: Repository.pylontechDBC, duration: 8, period: 0.1)
            let plugin = try PluginLibrary.canBMS.path()
            let watch = try await BuiltExecutable.dsoctl.run(["watch", "--plugin", plugin, "--config", config, "--rate", "200ms", "--seconds", "2s", "--json",
                                              "--point", "fault", "--point", "soc", "--point", "voltage_v", "--point", "available_up_kw"],
                                             in: folder)
            #expect(watch.status == 0, "\(watch)")
            let values = try watch.stdout.split(separator: "\n").map { try jsonObject(String($0))["values"] as? [String: Any] ?? [:] }
            let heard = try #require(values.last { $0["fault"] as? Double == 0 }, "no read saw a full set of frames: \(watch)\n\(peer.text)")
            #expect(heard["soc"] as? Double == 88, "\(heard)")
            #expect(abs((heard["voltage_v"] as? Double ?? 0) - 49.86) < 1e-9, "\(heard)")
            #expect(abs((heard["available_up_kw"] as? Double ?? 0) - 480 * 49.86 / 1000) < 1e-9, "\(heard)")

            // One read: the frames the BMS sent since the last close wait in the line; the point set is the plugin's.
            let read = try await BuiltExecutable.dsoctl.run(["read", "--plugin", plugin, "--config", config, "--json"], in: folder)
            #expect(read.status == 0, "\(read)")
            let json = try jsonObject(read.stdout)
            #expect((json["device"] as? [String: Any])?["driver"] as? String == "can-bms" && (json["device"] as? [String: Any])?["name"] as? String == "bms")
            let names = (json["points"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(Array(names.prefix(5)) == ["p_kw", "available_up_kw", "available_down_kw", "fault", "soc"], "\(names)")
            let fault = try #require(entry(json["points"], named: "fault")?["value"] as? Double)
            #expect(fault == 0 || fault == 2, "available, or silent when no full set arrived yet: \(fault)")
            let table = try await BuiltExecutable.dsoctl.run(["read", "--plugin", plugin, "--config", config, "--point", "soc"], in: folder)
            #expect(table.status == 0 && table.stdout.contains("soc") && table.stdout.contains("%"), "\(table)")
        }
    }
}
