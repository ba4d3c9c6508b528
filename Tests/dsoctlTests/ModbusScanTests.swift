import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl modbus scan` against pymodbus SunSpec devices: the chain the peer presents, values raw × 10^SF from the
/// peer's own registers, text of model 1, and the failures (not SunSpec, silent, refused) with their exit codes.
@Suite(.enabled(if: modbusPeersAvailable, "pymodbus 3.16.1 in .venv and socat needed (run scripts/setup-peers.sh)"), .serialized)
struct ModbusScanTests {
    /// A point whose register the test changes before the scan (standard SunSpec offsets from the model's ID register).
    static let livePoint: [String: (model: Int, offset: Int, name: String)] = [
        "inverter": (103, 14, "W"), "storage": (124, 2, "WChaMax"), "meter": (203, 18, "W"),
    ]

    @Test(arguments: ["inverter", "storage", "meter"])
    func scanFindsThePeersModelsAndDecodesTheirRegisters(device: String) async throws {
        let peer = try ModbusPeer(device: device)
        let chain = try PeerChain(peer, base: PeerChain.bases[device]!)
        let live = Self.livePoint[device]!
        let liveModel = try #require(chain.models.first { $0.id == live.model })
        let liveRaw = UInt16.random(in: 1000...30000)
        try peer.set(liveModel.address + live.offset, [liveRaw])

        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--host", "127.0.0.1", "--port", "\(peer.port)", "--json"], in: folder)
            try #require(result.status == 0, "\(result)")
            let report = try JSONText.object(result.stdout)
            #expect(JSONText.int(report["base"]) == chain.base)
            let models = try #require(report["models"] as? [[String: Any]])
            let found = models.map { PeerChain.Model(id: JSONText.int($0["id"]) ?? -1, address: JSONText.int($0["address"]) ?? -1,
                                                     length: JSONText.int($0["length"]) ?? -1) }
            #expect(found == chain.models, "dsoctl found \(found), the peer presents \(chain.models)")

            var checked = 0
            for model in models where model["decoded"] as? Bool == true {
                let address = JSONText.int(model["address"])!
                let length = JSONText.int(model["length"])!
                let registers = try peer.registers(address, 2 + length)
                for point in try #require(model["points"] as? [[String: Any]]) {
                    if try Self.check(point, registers: registers, modelAddress: address) { checked += 1 }
                }
                if JSONText.int(model["id"]) == 1 {
                    let text = try #require(model["text"] as? [String: String])
                    #expect(text["Mn"] == Self.ascii(registers[2..<18]) && text["SN"] == Self.ascii(registers[50..<66]), "\(text)")
                }
            }
            #expect(checked >= 10, "only \(checked) points compared with the peer's registers")

            let liveJSON = models.first { JSONText.int($0["id"]) == live.model }?["points"] as? [[String: Any]]
            let livePoint = try #require(liveJSON?.first { $0["name"] as? String == live.name }, "\(live.name) missing")
            #expect(JSONText.double(livePoint["raw"]) == Double(liveRaw), "\(livePoint)")
        }
    }

    /// Compares one JSON point with the peer's registers; returns whether it was a type the test decodes itself.
    static func check(_ point: [String: Any], registers: [UInt16], modelAddress: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let name = point["name"] as? String ?? "?"
        guard let address = JSONText.int(point["address"]), let type = point["type"] as? String else {
            Issue.record("point without address or type: \(point)", sourceLocation: sourceLocation)
            return false
        }
        let index = address - modelAddress
        func word(_ offset: Int) -> UInt32 { UInt32(registers[index + offset]) }
        let expected: Double
        let sentinel: Bool
        switch type {
        case "int16":
            expected = Double(Int16(bitPattern: registers[index])); sentinel = registers[index] == 0x8000
        case "uint16":
            expected = Double(registers[index]); sentinel = registers[index] == 0xFFFF
        case "int32":
            let wide = word(0) << 16 | word(1)
            expected = Double(Int32(bitPattern: wide)); sentinel = wide == 0x8000_0000
        case "uint32":
            let wide = word(0) << 16 | word(1)
            expected = Double(wide); sentinel = wide == 0xFFFF_FFFF
        default:
            return false
        }
        let raw = JSONText.double(point["raw"])
        if raw == nil {
            #expect(sentinel, "\(name): raw is null but the peer holds \(expected)", sourceLocation: sourceLocation)
            #expect(point["value"] is NSNull, "\(name): not implemented, yet a value \(point)", sourceLocation: sourceLocation)
            return true
        }
        #expect(raw == expected, "\(name) at \(address): dsoctl raw \(raw!), peer \(expected)", sourceLocation: sourceLocation)
        guard let factorAddress = JSONText.int(point["scale_factor_address"]) else {
            #expect(JSONText.double(point["value"]) == expected, "\(name): \(point)", sourceLocation: sourceLocation)
            return true
        }
        let factor = Int(Int16(bitPattern: registers[factorAddress - modelAddress]))
        #expect(JSONText.int(point["scale_factor"]) == factor, "\(name): SF \(point), peer \(factor)", sourceLocation: sourceLocation)
        let value = try #require(JSONText.double(point["value"]), "\(name): no value \(point)", sourceLocation: sourceLocation)
        let scaled = expected * pow(10, Double(factor))
        #expect(abs(value - scaled) <= 1e-9 * max(1, abs(scaled)), "\(name): \(value) ≠ \(expected) × 10^\(factor)",
                sourceLocation: sourceLocation)
        return true
    }

    static func ascii(_ registers: ArraySlice<UInt16>) -> String {
        let bytes = registers.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    @Test func theTableListsEveryModelAndShowsNotImplementedValues() async throws {
        let peer = try ModbusPeer(device: "inverter")
        let chain = try PeerChain(peer, base: 40000)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--host", "127.0.0.1", "--port", "\(peer.port)"], in: folder)
            try #require(result.status == 0, "\(result)")
            let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            for model in chain.models {
                #expect(rows.contains { $0.count == 5 && $0[0] == "\(model.id)" && $0[2] == "\(model.address)" && $0[3] == "\(model.length)" },
                        "no row for model \(model)\n\(result.stdout)")
            }
            // 103's PhVphA is 0xFFFF on the peer: not implemented.
            #expect(rows.contains { $0.first == "PhVphA" && $0.contains("n/i") }, "\(result.stdout)")
            #expect(rows.contains { $0 == ["Mn", "OpenDSO"] }, "\(result.stdout)")
        }
    }

    @Test func aDeviceWithoutSunSpecIsADeviceErrorThatSaysSo() async throws {
        let peer = try ModbusPeer(device: "victron")
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--host", "127.0.0.1", "--port", "\(peer.port)"], in: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("no SunSpec marker 'SunS' at 40000") && result.stderr.contains("register map"), "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
        }
    }

    @Test func aSilentDeviceIsUnreachableWithAHint() async throws {
        let peer = try ModbusPeer(device: "meter")
        try peer.mute(true)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--host", "127.0.0.1", "--port", "\(peer.port)", "--timeout", "0.5"],
                                              in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("no answer within the timeout"), "\(result)")
            #expect(result.stderr.contains("check:") && result.stderr.contains("unit id 1"), "\(result)")
        }
        try peer.mute(false)
    }

    @Test func nothingListeningIsUnreachable() async throws {
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--host", "127.0.0.1", "--port", "1"], in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("connection refused") && result.stderr.contains("127.0.0.1:1"), "\(result)")
        }
    }

    @Test func scanOverRTU() async throws {
        let pair = try PseudoTerminalPair()
        let peer = try ModbusPeer(device: "meter", unit: 5, serial: pair.peer, baud: 19200)
        let chain = try PeerChain(peer, base: 50000)
        try await TemporaryFolder.with { folder in
            let result = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--rtu", pair.plugin, "--baud", "19200", "--unit", "5", "--json"], in: folder)
            try #require(result.status == 0, "\(result)")
            let report = try JSONText.object(result.stdout)
            let models = try #require(report["models"] as? [[String: Any]])
            #expect(models.map { JSONText.int($0["id"]) } == chain.models.map(\.id), "\(result)")
            #expect(models.map { JSONText.int($0["address"]) } == chain.models.map(\.address), "\(result)")

            // The survey finds unit 5 and its map; unit 4 has none (pymodbus answers other ids with exception 4).
            let survey = try await BuiltExecutable.dsoctl.run(["modbus", "scan", "--rtu", pair.plugin, "--baud", "19200", "--units", "4-5",
                                               "--timeout", "0.3", "--json"], in: folder)
            try #require(survey.status == 0, "\(survey)")
            let units = try #require(try JSONText.object(survey.stdout)["units"] as? [[String: Any]])
            let five = try #require(units.first { JSONText.int($0["unit"]) == 5 }, "\(survey)")
            #expect(five["answers"] as? Bool == true && JSONText.int(five["sunspec_base"]) == 50000, "\(survey)")
            let four = try #require(units.first { JSONText.int($0["unit"]) == 4 }, "\(survey)")
            #expect(four["sunspec_base"] == nil || four["sunspec_base"] is NSNull, "\(survey)")
        }
    }
}
