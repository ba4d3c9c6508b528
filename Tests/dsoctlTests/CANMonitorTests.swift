import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl can monitor` against python-can on an SLCAN pseudo-terminal, with frames cantools encodes from the
/// project's DBC files: what is printed equals what the peer sends; the transport errors and their exit codes.
@Suite(.enabled(if: Repository.peerUnavailableReason == nil, "python-can peer needed (run scripts/setup-peers.sh)"), .serialized)
struct CANMonitorTests {
    /// Runs the monitor with `--json` against a peer sending `dbc`, and checks every decoded signal the DBC also
    /// names against what the peer sent; returns the names compared.
    func monitorMatchesThePeer(dbc: String, protocolName: String) async throws -> Set<String> {
        let expected = try BMSPeer.sentValues(dbc: dbc)
        let pair = try PseudoTerminalPair()
        let peer = try BMSPeer(port: pair.peer, dbc: dbc, duration: 8)
        var compared = Set<String>()
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["can", "monitor", "--transport", "slcan:\(pair.plugin)", "--protocol", protocolName,
                                               "--seconds", "2", "--keep-alive", "--json"], in: folder)
            try #require(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count >= 10, "\(result)")
            var idsSeen = Set<String>()
            for line in lines {
                let frame = try JSONText.object(String(line))
                let id = try #require(frame["id"] as? String)
                guard let sent = expected[id] else {
                    Issue.record("a frame the peer does not send: \(line)")
                    continue
                }
                idsSeen.insert(id)
                if let name = frame["name"] as? String { #expect(name == sent.name, "\(line)") }
                for signal in frame["signals"] as? [[String: Any]] ?? [] {
                    guard let name = signal["name"] as? String, let want = sent.signals[name]?.doubleValue else { continue }
                    let value = try #require(JSONText.double(signal["value"]), "\(line)")
                    #expect(abs(value - want) <= 1e-9 * max(1, abs(want)), "\(name): monitor \(value), peer sent \(want)")
                    compared.insert(name)
                }
                if let text = frame["text"] as? String, let raw = sent.signals["Manufacturer"] {
                    // The 64-bit signal as an integer (a Double would lose its low bytes): ASCII, byte 0 first.
                    let bytes = withUnsafeBytes(of: raw.uint64Value.littleEndian) { Array($0) }.prefix { $0 != 0 }
                    #expect(text == String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces), "\(line)")
                    compared.insert("Manufacturer")
                }
            }
            #expect(idsSeen == Set(expected.keys), "frames seen \(idsSeen.sorted()), sent \(expected.keys.sorted())")
        }
        // The monitor sent the inverter's keep-alive while it ran (once a second, 8 zero bytes).
        let keepAlives = peer.keepAlives
        #expect(!keepAlives.isEmpty && keepAlives.allSatisfy { $0.hex == "0000000000000000" }, "\(peer.text)")
        return compared
    }

    @Test func pylontechFramesDecodeToWhatThePeerSent() async throws {
        let compared = try await monitorMatchesThePeer(dbc: Repository.pylontechDBC, protocolName: "pylon")
        let wanted: Set = ["ChargeVoltageLimit", "ChargeCurrentLimit", "DischargeCurrentLimit", "DischargeVoltageLimit", "StateOfCharge",
                           "StateOfHealth", "Voltage", "Current", "Temperature", "ModuleCount", "ChargeEnable", "DischargeEnable", "Manufacturer"]
        #expect(compared == wanted, "compared \(compared.sorted())")
    }

    @Test func smaFramesDecodeToWhatThePeerSent() async throws {
        let compared = try await monitorMatchesThePeer(dbc: Repository.smaDBC, protocolName: "sma")
        #expect(compared.isSuperset(of: ["ChargeVoltageLimit", "StateOfChargeHighResolution", "AlarmFlags", "WarningFlags", "Capacity"]),
                "compared \(compared.sorted())")
    }

    @Test func textLinesNameTheMessageAndItsSignals() async throws {
        let expected = try BMSPeer.sentValues(dbc: Repository.pylontechDBC)
        let pair = try PseudoTerminalPair()
        let peer = try BMSPeer(port: pair.peer, dbc: Repository.pylontechDBC, duration: 6)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["can", "monitor", "--transport", "slcan:\(pair.plugin)", "--protocol", "pylon", "--count", "12"],
                                              in: folder)
            try #require(result.status == 0, "\(result)")
            let soc = try #require(expected["0x355"]?.signals["StateOfCharge"]?.intValue)
            #expect(result.stdout.contains("0x355  BMS_State") && result.stdout.contains("StateOfCharge=\(soc) %"), "\(result)")
            // Header plus exactly --count frames.
            #expect(result.stdout.split(separator: "\n").count == 13, "\(result)")
            #expect(result.stderr.contains("12 frame(s)"), "\(result)")
        }
        withExtendedLifetime(peer) {}
    }

    @Test func aMissingSocketCANInterfaceSaysWhatToCheck() async throws {
        try await TemporaryFolder.with { folder in
            // A name no machine has: the error path is the same with or without SocketCAN in the kernel.
            let result = try await BuiltExecutable.dsoctl.run(["can", "monitor", "--transport", "socketcan:dsoctltest0", "--protocol", "pylon", "--seconds", "1"],
                                              in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no CAN interface dsoctltest0") && result.stderr.contains("ip link"), "\(result)")
            #expect(result.stderr.contains("vcan"), "\(result)")
        }
    }

    @Test func aSilentBusIsUnreachable() async throws {
        let pair = try PseudoTerminalPair()
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["can", "monitor", "--transport", "slcan:\(pair.plugin)", "--protocol", "sma", "--seconds", "1"],
                                              in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no CAN frame") && result.stderr.contains("bit rate"), "\(result)")
        }
    }

    @Test(arguments: [
        (["--transport", "can0", "--protocol", "pylon"], "not a transport"),
        (["--transport", "slcan:/dev/null", "--protocol", "victron"], "not a BMS protocol"),
        (["--transport", "slcan:/dev/null", "--protocol", "sma", "--bitrate", "333000"], "no SLCAN code"),
        (["--transport", "socketcan:can0", "--protocol", "sma", "--bitrate", "500000"], "ip link"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) async throws {
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["can", "monitor"] + arguments, in: folder)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains(message), "\(result)")
        }
    }

    @Test func aMissingSerialAdapterIsUnreachable() async throws {
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["can", "monitor", "--transport", "slcan:\(folder.file("ttyACM9"))", "--protocol", "sma"], in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("cannot open") && result.stderr.contains("dialout"), "\(result)")
        }
    }
}
