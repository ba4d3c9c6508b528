import OpenDSOTestSupport
import DSOCANBMS
import Testing

/// The tables themselves: every protocol is consistent, and cantools reads our DBC files as the same table.
@Suite struct ProtocolTableTests {
    @Test(arguments: BMSProtocol.all.map(\.name))
    func signalsFitInAClassicFrameAndNeverOverlap(_ name: String) throws {
        let table = try #require(BMSProtocol.named(name))
        var used: [UInt32: UInt64] = [:]
        for signal in table.signals {
            #expect(signal.byteOffset + signal.encoding.byteCount <= 8, "\(signal.quantity) leaves the frame")
            let mask: UInt64
            if case .bit(let bit) = signal.encoding { mask = 1 << UInt64(signal.byteOffset * 8 + bit) }
            else { mask = (UInt64(1) << UInt64(signal.encoding.byteCount * 8) &- 1) << UInt64(signal.byteOffset * 8) }
            #expect(used[signal.frameID, default: 0] & mask == 0, "\(signal.quantity) overlaps in 0x\(String(signal.frameID, radix: 16))")
            used[signal.frameID, default: 0] |= mask
        }
        #expect(table.keepAlive.frame.id == 0x305 && table.keepAlive.frame.length == 8 && table.keepAlive.frame.payload == 0)
        #expect(table.keepAlive.periodNanoseconds == 1_000_000_000)
    }

    /// DBC signal name of each quantity in our DBC files.
    static let dbcNames: [BMSQuantity: String] = [
        .chargeVoltageLimitV: "ChargeVoltageLimit", .chargeCurrentLimitA: "ChargeCurrentLimit",
        .dischargeCurrentLimitA: "DischargeCurrentLimit", .dischargeVoltageLimitV: "DischargeVoltageLimit",
        .stateOfChargePercent: "StateOfCharge", .stateOfHealthPercent: "StateOfHealth",
        .stateOfChargeHighResolutionPercent: "StateOfChargeHighResolution", .voltageV: "Voltage", .currentA: "Current",
        .temperatureDegC: "Temperature", .moduleCount: "ModuleCount", .chargeEnable: "ChargeEnable",
        .dischargeEnable: "DischargeEnable", .capacityAh: "Capacity",
    ]

    @Test(arguments: [("pylontech-v1.2", Repository.pylontechDBC), ("sma", Repository.smaDBC), ("pylontech-v1.3", Repository.smaDBC)])
    func cantoolsReadsTheDBCAsTheSameTable(_ name: String, _ dbc: String) throws {
        try #require(Repository.peerUnavailableReason == nil, "\(Repository.peerUnavailableReason ?? "")")
        let table = try #require(BMSProtocol.named(name))
        let messages = try BMSPeer.describe(dbc: dbc)
        func signal(_ frame: UInt32, _ name: String) -> [String: Any]? {
            let message = messages.first { ($0["id"] as? Int) == Int(frame) }
            return (message?["signals"] as? [[String: Any]])?.first { ($0["name"] as? String) == name }
        }
        for row in table.signals {
            if row.quantity == .alarmFlags || row.quantity == .warningFlags {
                // The DBC names each bit; the table reads the bytes as one word: every named bit must lie inside it.
                let prefixes = row.quantity == .alarmFlags ? ["Protection", "AlarmFlags"] : ["Warning"]
                let message = try #require(messages.first { ($0["id"] as? Int) == Int(row.frameID) })
                let bits = (message["signals"] as? [[String: Any]] ?? []).filter { s in
                    prefixes.contains { (s["name"] as? String ?? "").hasPrefix($0) }
                }
                #expect(!bits.isEmpty)
                for bit in bits {
                    let start = try #require(bit["start"] as? Int)
                    let length = try #require(bit["length"] as? Int)
                    #expect(start >= row.byteOffset * 8 && start + length <= (row.byteOffset + row.encoding.byteCount) * 8,
                            "\(bit["name"] ?? "") outside \(row.quantity)")
                }
                continue
            }
            let dbcName = try #require(Self.dbcNames[row.quantity], "no DBC name for \(row.quantity)")
            let entry = try #require(signal(row.frameID, dbcName), "\(dbcName) missing from 0x\(String(row.frameID, radix: 16)) in \(dbc)")
            var start = row.byteOffset * 8
            if case .bit(let bit) = row.encoding { start += bit }
            let length: Int
            if case .bit = row.encoding { length = 1 } else { length = row.encoding.byteCount * 8 }
            #expect(entry["start"] as? Int == start, "\(dbcName) start")
            #expect(entry["length"] as? Int == length, "\(dbcName) length")
            #expect(entry["signed"] as? Bool == (row.encoding == .signed16), "\(dbcName) signedness")
            #expect(entry["little_endian"] as? Bool == true, "\(dbcName) byte order")
            #expect(abs((entry["scale"] as? Double ?? .nan) - row.scale) < 1e-12, "\(dbcName) scale")
        }
        for id in table.requiredFrameIDs + [table.keepAlive.frame.id] {
            #expect(messages.contains { ($0["id"] as? Int) == Int(id) }, "0x\(String(id, radix: 16)) missing from \(dbc)")
        }
    }
}
