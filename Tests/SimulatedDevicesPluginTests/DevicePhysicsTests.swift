import OpenDSOTestSupport
import DSODriverABI
import Foundation
import Testing

/// Reads at advancing virtual times follow the device physics: delay, lag, SOC, curtailment, meter.
@Suite struct DevicePhysicsTests {
    static let second: Int64 = 1_000_000_000

    @Test func batteryReachesItsSetPointAfterDelayAndLagAndSOCFollowsTheEnergy() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host, config: "scenario=\(path)")
        let start = try instance.read()
        #expect(start["BESS-1.p_kw"] == 0)
        #expect(start["BESS-1.soc"] == 0.5)
        let written = instance.write("BESS-1.setpoint_kw", 100, validUntilNanoseconds: 60 * Self.second)
        #expect(written.code == DSO_OK, "\(written.message)")

        var power: [Int64: Double] = [:]
        var dischargedKWh = 0.0
        var reading = start
        for cycle in Int64(1)...120 {   // 12 s at 100 ms
            host.set(cycle: cycle)
            reading = try instance.read()
            #expect(reading.timestampsNanoseconds.allSatisfy { $0 == host.nowNanoseconds })
            power[cycle] = reading["BESS-1.p_kw"]
            // The battery holds the power reached at the end of each step over the step.
            dischargedKWh += reading["BESS-1.p_kw"] * 0.1 / 3600
        }
        // Command delay 2 s: nothing before.
        #expect(power[19] == 0)
        #expect(power[20] == 0)
        // Then first order, τ = 1 s: 63.2 % after one τ, 99.3 % after five.
        #expect(abs(power[30]! - 100 * (1 - exp(-1.0))) < 1e-9, "\(power[30]!)")
        #expect(abs(power[70]! - 100 * (1 - exp(-5.0))) < 1e-9, "\(power[70]!)")
        #expect(abs(power[120]! - 100) < 0.01)
        #expect(reading["BESS-1.setpoint_kw"] == 100)
        // SOC falls by the stored energy taken out: delivered ÷ η ÷ capacity.
        let expectedSOC = 0.5 - dischargedKWh / 0.95 / 1000
        #expect(reading["BESS-1.soc"] < 0.5)
        #expect(abs(reading["BESS-1.soc"] - expectedSOC) < 1e-12, "\(reading["BESS-1.soc"]) vs \(expectedSOC)")
        // The other battery was never commanded.
        #expect(reading["BESS-2.p_kw"] == 0 && reading["BESS-2.soc"] == 0.5)
    }

    @Test func pvCurtailmentAndDemandResponseAndMeterFollowTheirCommands() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host, config: "scenario=\(path)")
        let start = try instance.read()
        #expect(start["PV-1.p_kw"] == 240)                       // 300 kW × 0.8
        #expect(start["PV-1.setpoint_kw"] == 300)                // uncurtailed
        #expect(start["DR-1.p_kw"] == -320)                      // baseline 400 × 0.8, nothing shed
        #expect(start["DR-1.available_up_kw"] == -160)           // half of it may be shed
        #expect(start["FDR-1.p_kw"] == -1600)
        #expect(instance.write("PV-1.setpoint_kw", 100, validUntilNanoseconds: 600 * Self.second).code == DSO_OK)
        #expect(instance.write("DR-1.setpoint_kw", -220, validUntilNanoseconds: 600 * Self.second).code == DSO_OK)
        var reading = start
        for cycle in Int64(1)...600 {
            host.set(cycle: cycle)
            reading = try instance.read()
            let sum = reading["BESS-1.p_kw"] + reading["PV-1.p_kw"] + reading["FDR-1.p_kw"] + reading["DR-1.p_kw"]
            let truth = -sum + 0.01 * sum * sum / 5000
            #expect(abs(reading["SUB-A.net_import_kw"] - truth) <= 2 + 1e-9, "meter noise is at most 2 kW")
            if cycle == 9 { #expect(reading["PV-1.p_kw"] == 240, "PV delay is 1 s") }
            if cycle == 99 { #expect(reading["DR-1.p_kw"] == -320, "DR delay is 10 s") }
        }
        #expect(abs(reading["PV-1.p_kw"] - 100) < 1e-6)
        // −220 kW net asks to shed 100 kW of the 320 kW baseline; after 10 s delay and 10 τ it is there.
        #expect(abs(reading["DR-1.p_kw"] - -220) < 0.01, "\(reading["DR-1.p_kw"])")
    }

    @Test func everyReadingOfTheExampleStaysInsideItsLimits() throws {
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host,
                                                 config: "scenario=\(PluginFixtures.smallDSOPath)")
        var outside: [String] = []
        for cycle in stride(from: Int64(0), through: 3000, by: 10) {   // 5 min, every second
            host.set(cycle: cycle)
            let reading = try instance.read()
            for (index, point) in instance.points.enumerated() {
                let value = reading.values[index]
                if !(value >= point.minimum && value <= point.maximum) { outside.append("\(point.name)=\(value)") }
            }
            // Batteries full power one way, then the other, to exercise the ranges.
            let kw = cycle < 1500 ? 1.0 : -1.0
            for point in instance.points where point.name.hasSuffix(".setpoint_kw") && point.name.contains("BESS") {
                instance.write(point.name, kw * (kw > 0 ? point.maximum : -point.minimum),
                               validUntilNanoseconds: host.nowNanoseconds + 5 * Self.second)
            }
        }
        #expect(outside.isEmpty, "\(outside.prefix(10))")
    }

    @Test func writesAreCheckedAgainstThePoint() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let host = VirtualHost()
        host.nowNanoseconds = 5 * Self.second
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host, config: "scenario=\(path)")
        let readOnly = instance.write("BESS-1.p_kw", 10, validUntilNanoseconds: 10 * Self.second)
        #expect(readOnly.code == DSO_ERROR_READ_ONLY && readOnly.message.contains("'BESS-1.p_kw' is not writable"))
        let tooHigh = instance.write("BESS-1.setpoint_kw", 501, validUntilNanoseconds: 10 * Self.second)
        #expect(tooHigh.code == DSO_ERROR_INVALID && tooHigh.message.contains("BESS-1.setpoint_kw")
                && tooHigh.message.contains("501"), "\(tooHigh.message)")
        #expect(instance.write("BESS-1.setpoint_kw", .nan, validUntilNanoseconds: 10 * Self.second).code == DSO_ERROR_INVALID)
        let stale = instance.write("BESS-1.setpoint_kw", 50, validUntilNanoseconds: 5 * Self.second)
        #expect(stale.code == DSO_ERROR_INVALID && stale.message.contains("valid_until_ns"), "\(stale.message)")
        let index = instance.write(index: Int32(instance.points.count), 1, validUntilNanoseconds: 10 * Self.second)
        #expect(index.code == DSO_ERROR_INVALID && index.message.contains("outside"))
        // None of the refused writes reached the device.
        #expect(try instance.read()["BESS-1.setpoint_kw"] == 0)
    }

    @Test func readRefusesAWrongCount() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: VirtualHost(), config: "scenario=\(path)")
        var values = [Double](repeating: 0, count: 4)
        var stamps = [Int64](repeating: 0, count: 4)
        var error = [CChar](repeating: 0, count: 256)
        let code = instance.driver.pointee.read!(instance.handle, &values, &stamps, 4, &error, error.count)
        #expect(code == DSO_ERROR_INVALID)
        #expect(String(nulTerminated: error).contains("count 4 differs from point_count \(instance.points.count)"))
    }

    /// A clock that steps back does not run the devices backwards; the plugin says so once.
    @Test func clockGoingBackwardsHoldsTheDevices() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host, config: "scenario=\(path)")
        host.nowNanoseconds = 10 * Self.second
        _ = try instance.read()
        host.nowNanoseconds = 9 * Self.second
        let held = try instance.read()
        #expect(held.timestampsNanoseconds.allSatisfy { $0 == 10 * Self.second })
        _ = try instance.read()
        #expect(host.messages.filter { $0.text.contains("clock went back") }.count == 1, "\(host.messages)")
    }
}
