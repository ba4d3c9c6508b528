import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// SunSpec controls land in the right registers, with enable and revert timer, and live only while leased.
@Suite(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"), .serialized)
struct SetpointTests {
    /// Inverter image: 1 at 40002 (68), 103 at 40070 (52), 120 at 40122 (28), 121 at 40150 (32), 123 at 40182 (26), 704 at 40208.
    static let model704 = 40208

    @Test func inverterLimitAndSetPointGoTo704WithEnableAndRevertTimer() throws {
        let peer = try ModbusPeer(device: "inverter")
        let host = VirtualHost()
        let instance = try SunSpecDiscoveryTests.open(peer, host: host, extra: "; refresh_s=1")
        host.nowNanoseconds = 10_000_000_000
        var result = instance.write("p_limit_pct", 40, validUntilNanoseconds: 20_000_000_000)
        #expect(result.code == DSO_OK, "\(result.message)")
        // WMaxLimPctEna (+14) = 1, WMaxLimPct (+15) = 40, WMaxLimPctRvrtTms (+18, uint32) = 2 s (twice refresh_s).
        #expect(try peer.registers(Self.model704 + 14, 2) == [1, 40])
        #expect(try peer.registers(Self.model704 + 18, 2) == [0, 2])
        result = instance.write("p_set_w", -3000, validUntilNanoseconds: 10_500_000_000)
        #expect(result.code == DSO_OK, "\(result.message)")
        // WSetEna (+22) = 1, WSetMod (+23) = 0 (watts), WSet (+24, int32) = -3000, WSetRvrtTms (+31) = 1 s (what is left of the lease).
        #expect(try peer.registers(Self.model704 + 22, 4) == [1, 0, 0xFFFF, UInt16(bitPattern: -3000)])
        #expect(try peer.registers(Self.model704 + 31, 2) == [0, 1])
        #expect(instance.write("p_limit_pct", 140, validUntilNanoseconds: 20_000_000_000).code == DSO_ERROR_INVALID)
    }

    @Test func storageSetPointGoesTo124AsPercentOfWChaMax() throws {
        let peer = try ModbusPeer(device: "storage")
        let host = VirtualHost()
        let instance = try SunSpecDiscoveryTests.open(peer, host: host)
        host.nowNanoseconds = 1_000_000_000
        // 124 at 70: StorCtl_Mod +5, OutWRte +12, InWRte +13, InOutWRte_RvrtTms +15; InOutWRte_SF = -1.
        let charge = instance.write("p_set_w", -2500, validUntilNanoseconds: 60_000_000_000)
        #expect(charge.code == DSO_OK, "\(charge.message)")
        #expect(try peer.registers(75, 1) == [3])
        #expect(try peer.registers(82, 2) == [0, 500])   // charge at 50.0 % of 5000 W
        #expect(try peer.registers(85, 1) == [2])
        let discharge = instance.write("p_set_w", 1000, validUntilNanoseconds: 60_000_000_000)
        #expect(discharge.code == DSO_OK, "\(discharge.message)")
        #expect(try peer.registers(82, 2) == [200, 0])   // discharge at 20.0 %
        #expect(instance.write("p_set_w", 6000, validUntilNanoseconds: 60_000_000_000).code == DSO_ERROR_INVALID)
    }

    @Test func aLeasedSetPointIsRewrittenAndLetGoWhenItExpires() throws {
        let peer = try ModbusPeer(device: "victron")
        let host = VirtualHost()
        let instance = try RegisterMapTests.open(peer, map: ModbusPeer.mapPath("victron-gx-ess.json"), host: host, extra: "; refresh_s=1")
        host.nowNanoseconds = 1_000_000_000
        #expect(instance.write("ess_setpoint_w", 1500, validUntilNanoseconds: 3_000_000_000).code == DSO_OK)
        #expect(try peer.registers(2700, 1) == [1500])
        // The device forgets it (a reboot, another master): the next poll after refresh_s writes it again.
        try peer.set(2700, [7])
        _ = try instance.read()
        #expect(try peer.registers(2700, 1) == [7])        // refresh_s not yet passed: no bus traffic for it
        Thread.sleep(forTimeInterval: 1.05)
        _ = try instance.read()
        #expect(try peer.registers(2700, 1) == [1500])
        // The kernel stops renewing: past valid_until the driver writes the map's safe_value and stops.
        host.nowNanoseconds = 3_000_000_001
        _ = try instance.read()
        #expect(try peer.registers(2700, 1) == [0])
        #expect(host.logged("set point 'ess_setpoint_w' expired"))
        try peer.set(2700, [9])
        Thread.sleep(forTimeInterval: 1.05)
        _ = try instance.read()
        #expect(try peer.registers(2700, 1) == [9])
    }
}
