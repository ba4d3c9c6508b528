import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// A set point holds until its valid_until; when the host's clock passes it without a new write, the device
/// returns to its own safe default (battery idle, PV uncurtailed, DR not curtailing).
@Suite struct SetpointTTLTests {
    static let second: Int64 = 1_000_000_000

    /// Runs 40 s at 100 ms: writes at t = 0 valid for 10 s, and, when `refresh`, rewrites every second.
    private func run(refresh: Bool) throws -> (readings: [Int64: Reading], host: VirtualHost) {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host, config: "scenario=\(path)")
        var readings: [Int64: Reading] = [:]
        for cycle in Int64(0)...400 {
            host.set(cycle: cycle)
            readings[cycle] = try instance.read()
            if cycle == 0 || (refresh && cycle % 10 == 0) {
                let until = host.nowNanoseconds + 10 * Self.second
                #expect(instance.write("BESS-1.setpoint_kw", 100, validUntilNanoseconds: until).code == DSO_OK)
                #expect(instance.write("PV-1.setpoint_kw", 50, validUntilNanoseconds: until).code == DSO_OK)
                #expect(instance.write("DR-1.setpoint_kw", -220, validUntilNanoseconds: until).code == DSO_OK)
            }
        }
        return (readings, host)
    }

    @Test func expiredSetPointsRevertToTheSafeDefaults() throws {
        let (readings, host) = try run(refresh: false)
        // In force up to and including valid_until (10 s) ...
        #expect(readings[100]!["BESS-1.setpoint_kw"] == 100)
        #expect(abs(readings[100]!["BESS-1.p_kw"] - 100) < 0.1)
        #expect(readings[100]!["PV-1.p_kw"] < 50.01)
        // ... then reverted: the set point reads the default at once, the device follows through its own
        // delay and lag counted from valid_until (battery 2 s + τ 1 s, PV 1 s + τ 0.5 s, DR 10 s + τ 5 s).
        let late = readings[400]!
        #expect(readings[101]!["BESS-1.setpoint_kw"] == 0)
        #expect(readings[101]!["PV-1.setpoint_kw"] == 300)
        #expect(readings[101]!["DR-1.setpoint_kw"] == -400)
        #expect(readings[120]!["BESS-1.p_kw"] > 99, "the revert goes through the command delay, from 10 s")
        // From 12 s the battery decays from (100 − 100·e⁻¹⁰) kW with τ = 1 s.
        let expected = 100 * (1 - exp(-10.0)) * exp(-1.0)
        #expect(abs(readings[130]!["BESS-1.p_kw"] - expected) < 1e-9, "\(readings[130]!["BESS-1.p_kw"])")
        #expect(abs(late["BESS-1.p_kw"]) < 1e-6)
        #expect(abs(late["PV-1.p_kw"] - 240) < 1e-6)
        // DR shed 100·(1 − e⁻²) kW by 20 s (request effective at 10 s), then released over 20 s = 4 τ.
        #expect(abs(late["DR-1.p_kw"] - (-320 + 100 * (1 - exp(-2.0)) * exp(-4.0))) < 1e-9, "\(late["DR-1.p_kw"])")
        #expect(late["DR-1.p_kw"] < readings[200]!["DR-1.p_kw"], "curtailment released: the load consumes again")
        #expect(host.logged("set points of 3 resource(s) expired without a new write (first BESS-1, valid until 10000000000 ns)"),
                "\(host.messages.map(\.text))")
        #expect(host.messages.filter { $0.text.contains("expired") }.count == 1)
    }

    @Test func refreshedSetPointsHold() throws {
        let (readings, host) = try run(refresh: true)
        let late = readings[400]!
        #expect(late["BESS-1.setpoint_kw"] == 100)
        #expect(abs(late["BESS-1.p_kw"] - 100) < 1e-6)
        #expect(abs(late["PV-1.p_kw"] - 50) < 1e-6)
        #expect(abs(late["DR-1.p_kw"] - -220) < 0.5)
        #expect(!host.logged("expired"))
    }

    /// A host that skips ahead past valid_until in one step gets the revert at valid_until, not at its late read.
    @Test func revertHappensAtValidUntilEvenWhenTheHostReadsLate() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host, config: "scenario=\(path)")
        _ = try instance.read()
        #expect(instance.write("BESS-1.setpoint_kw", 100, validUntilNanoseconds: 10 * Self.second).code == DSO_OK)
        host.nowNanoseconds = 13 * Self.second
        // Reverted at 10 s, effective at 12 s after the delay, one second of lag by 13 s.
        let reading = try instance.read()
        #expect(abs(reading["BESS-1.p_kw"] - 100 * (1 - exp(-10.0)) * exp(-1.0)) < 1e-9, "\(reading["BESS-1.p_kw"])")
    }
}
