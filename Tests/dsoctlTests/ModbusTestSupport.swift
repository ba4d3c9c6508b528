import Foundation
import OpenDSOTestSupport
import Testing

/// The SunSpec chain a pymodbus peer presents, read from its registers directly (not through dsoctl).
struct PeerChain {
    /// One model: id, address of its ID register, L.
    struct Model: Equatable, CustomStringConvertible {
        let id: Int
        let address: Int
        let length: Int
        var description: String { "\(id)@\(address)/L\(length)" }
    }

    /// Where device_server.py puts each device's map (its docstring): the test's input, not a result.
    static let bases = ["inverter": 40000, "storage": 0, "meter": 50000]

    let base: Int
    let models: [Model]

    init(_ peer: ModbusPeer, base: Int) throws {
        let marker = try peer.registers(base, 2)
        guard marker == [0x5375, 0x6E53] else { throw PeerError("no 'SunS' at \(base) on the peer: \(marker)") }
        var address = base + 2
        var models: [Model] = []
        while true {
            let header = try peer.registers(address, 2)
            guard header.count == 2 else { throw PeerError("peer gave \(header) at \(address)") }
            if header[0] == 0xFFFF { break }
            models.append(Model(id: Int(header[0]), address: address, length: Int(header[1])))
            address += 2 + Int(header[1])
            guard models.count < 64 else { throw PeerError("peer chain does not end") }
        }
        self.base = base
        self.models = models
    }
}

/// Test-side JSON reading: dsoctl's --json output as Foundation objects.
enum JSONText {
    static func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(parsed as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
    }

    static func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }
    static func double(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
}

/// Whether `pymodbus` (pinned) and socat are there for the Modbus end-to-end suites.
let modbusPeersAvailable = ModbusPeer.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/socat")
