import OpenDSOTestSupport
import DSODriverABI
import Testing

/// Groups after a model's fixed block: 160 modules (count from L), 704's sync groups, 705 curves and points (counts
/// from NCrv and NPt). Expected values are decoded here from the peer's registers.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct SunSpecGroupTests {
    @Test func mpptModulesAreDecodedWithTheFixedBlocksScaleFactors() throws {
        let peer = try ModbusPeer(device: "inverter")
        let instance = try SunSpecDiscoveryTests.open(peer, host: VirtualHost())
        let (_, words) = try PeerSunSpecChain(peer, base: 40000).registers(of: 160, in: peer)
        let modules = (words.count - 2 - 8) / 20
        let offered = Set(instance.points.map(\.name).filter { $0.hasPrefix("m160.module") }.map { $0.split(separator: ".")[1] })
        #expect(offered == Set((1...modules).map { "module\($0)" }), "\(offered)")
        #expect(!instance.points.contains { $0.name.hasSuffix(".IDStr") })   // strings are not host values
        let reading = try instance.read()
        for module in 1...modules {
            let at = 10 + 20 * (module - 1)
            let expected: [(String, Double)] = [
                ("ID", SunSpecValue.uint16(words[at])),
                ("DCA", SunSpecValue.uint16(words[at + 9], words[2])),
                ("DCV", SunSpecValue.uint16(words[at + 10], words[3])),
                ("DCW", SunSpecValue.uint16(words[at + 11], words[4])),
                ("DCWH", SunSpecValue.uint32(words[at + 12], words[at + 13], words[5])),
                ("Tms", SunSpecValue.uint32(words[at + 14], words[at + 15])),
                ("Tmp", SunSpecValue.int16(words[at + 16])),
                ("DCSt", SunSpecValue.uint16(words[at + 17])),
            ]
            for (point, value) in expected {
                let name = "m160.module\(module).\(point)"
                #expect(SunSpecValue.same(reading[name], value), "\(name) = \(reading[name]), peer holds \(value)")
            }
        }
        let power = try #require(instance.points.first { $0.name == "m160.module1.DCW" })
        #expect(power.unit == "W" && power.kind == DSO_POINT_MEASUREMENT)
        #expect(instance.points.first { $0.name == "m160.module2.DCSt" }?.kind == Int32(DSO_POINT_STATUS))
    }

    @Test func voltVarCurvesFollowNCrvAndNPt() throws {
        let peer = try ModbusPeer(device: "inverter")
        // Fewer curves than L holds: the count register, not L, decides.
        let (address, image) = try PeerSunSpecChain(peer, base: 40000).registers(of: 705, in: peer)
        try peer.set(address + 6, [1])
        let words = try peer.registers(address, image.count)
        let curves = Int(words[6]), points = Int(words[5])
        #expect(curves == 1 && points > 1)
        let instance = try SunSpecDiscoveryTests.open(peer, host: VirtualHost())
        let offered = Set(instance.points.map(\.name).filter { $0.hasPrefix("m705.Crv") && $0.hasSuffix(".V") })
        let wanted = Set((1...curves).flatMap { curve in (1...points).map { "m705.Crv\(curve).Pt\($0).V" } })
        #expect(offered == wanted, "\(offered.sorted())")
        let reading = try instance.read()
        for curve in 1...curves {
            let at = 15 + (curve - 1) * (10 + 2 * points)
            let prefix = "m705.Crv\(curve)"
            #expect(SunSpecValue.same(reading["\(prefix).ActPt"], SunSpecValue.uint16(words[at])))
            #expect(SunSpecValue.same(reading["\(prefix).VRef"], SunSpecValue.uint16(words[at + 3], words[12])))
            #expect(SunSpecValue.same(reading["\(prefix).RspTms"], SunSpecValue.uint32(words[at + 7], words[at + 8], words[14])))
            for point in 1...points {
                let pair = at + 10 + 2 * (point - 1)
                let v = reading["\(prefix).Pt\(point).V"], q = reading["\(prefix).Pt\(point).Var"]
                #expect(SunSpecValue.same(v, SunSpecValue.uint16(words[pair], words[12])), "\(prefix).Pt\(point).V = \(v)")
                #expect(SunSpecValue.same(q, SunSpecValue.int16(words[pair + 1], words[13])), "\(prefix).Pt\(point).Var = \(q)")
            }
        }
        let voltage = try #require(instance.points.first { $0.name == "m705.Crv1.Pt1.V" })
        #expect(voltage.unit == "%" && voltage.writable)
    }

    @Test func powerFactorSyncGroupsOf704AreNamedWithoutAnIndex() throws {
        let peer = try ModbusPeer(device: "inverter")
        let instance = try SunSpecDiscoveryTests.open(peer, host: VirtualHost())
        let (_, words) = try PeerSunSpecChain(peer, base: 40000).registers(of: 704, in: peer)
        let reading = try instance.read()
        for (index, group) in ["PFWInj", "PFWInjRvrt", "PFWAbs", "PFWAbsRvrt"].enumerated() {
            let at = 59 + 2 * index
            #expect(SunSpecValue.same(reading["m704.\(group).PF"], SunSpecValue.uint16(words[at], words[53])), "\(group)")
            #expect(SunSpecValue.same(reading["m704.\(group).Ext"], SunSpecValue.uint16(words[at + 1])), "\(group)")
        }
        #expect(!instance.points.contains { $0.name.hasPrefix("m704.PFWInj1") })
    }
}
