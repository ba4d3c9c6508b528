import OpenDSOTestSupport
import DSODriverABI
import DSOModel
import DSOSimulation
import DSOScenario
import Foundation
import Testing

/// The plugin is the in-process simulation behind the ABI: same clock and commands ⇒ bit-identical values.
@Suite struct DeterminismTests {
    static let period: Int64 = 100_000_000

    /// A varied, repeatable command for resource `resource` at `seconds`, inside its rating.
    static func command(_ resource: ResourceSpec, index: Int, seconds: Double) -> Double {
        let wave = sin(2 * Double.pi * seconds / 45 + Double(index))
        switch resource.kind {
        case .battery: return (wave >= 0 ? resource.maximumKW : -resource.minimumKW) * 0.8 * wave
        case .pv: return resource.maximumKW * (0.5 + 0.5 * wave)
        case .demandResponse: return resource.minimumKW * (0.7 + 0.3 * wave)
        case .load: return 0
        }
    }

    /// Reads every cycle and writes every set point after each read, as `dsod simulate` does.
    private func drive(_ instance: PluginInstance, scenario: Scenario, cycles: Int64,
                       originNanoseconds: Int64 = 0, observe: (Int64, Reading) -> Void) throws {
        let setpointIndex = scenario.model.resources.map { instance.index("\($0.id).setpoint_kw") }
        for cycle in 0..<cycles {
            instance.host.nowNanoseconds = originNanoseconds + cycle * Self.period
            observe(cycle, try instance.read())
            let seconds = Double(cycle * Self.period) / 1e9
            for (index, resource) in scenario.model.resources.enumerated() {
                guard let point = setpointIndex[index] else { continue }
                let result = instance.write(index: Int32(point), Self.command(resource, index: index, seconds: seconds),
                                            validUntilNanoseconds: instance.host.nowNanoseconds + 5_000_000_000)
                if result.code != DSO_OK { Issue.record("\(resource.id): \(result.message)") }
            }
        }
    }

    @Test func twoInstancesFedTheSameClockAndWritesReadBitIdentical() throws {
        let scenario = try Scenario.load(path: PluginFixtures.smallDSOPath)
        let driver = try PluginLibrary.simulatedDevices.load()
        let config = "scenario=\(PluginFixtures.smallDSOPath)"
        let first = try PluginInstance.opened(driver, host: VirtualHost(), config: config)
        let second = try PluginInstance.opened(driver, host: VirtualHost(), config: config)
        var firstBits: [[UInt64]] = [], secondBits: [[UInt64]] = []
        try drive(first, scenario: scenario, cycles: 300) { _, reading in firstBits.append(reading.values.map(\.bitPattern)) }
        try drive(second, scenario: scenario, cycles: 300) { _, reading in secondBits.append(reading.values.map(\.bitPattern)) }
        #expect(firstBits == secondBits)
        #expect(Set(firstBits.last!).count > 100, "values vary: the comparison is not between constants")
    }

    /// `time_origin_ns` shifts the host clock only: a host on CLOCK_MONOTONIC sees the same physics.
    @Test func timeOriginShiftsTheClockOnly() throws {
        let scenario = try Scenario.load(path: PluginFixtures.smallDSOPath)
        let driver = try PluginLibrary.simulatedDevices.load()
        let origin: Int64 = 123_456_789_012_345
        let zero = try PluginInstance.opened(driver, host: VirtualHost(), config: "scenario=\(PluginFixtures.smallDSOPath)")
        let shifted = try PluginInstance.opened(driver, host: VirtualHost(),
                                                config: "scenario=\(PluginFixtures.smallDSOPath); time_origin_ns=\(origin)")
        var zeroBits: [[UInt64]] = [], shiftedBits: [[UInt64]] = []
        try drive(zero, scenario: scenario, cycles: 100) { _, reading in zeroBits.append(reading.values.map(\.bitPattern)) }
        try drive(shifted, scenario: scenario, cycles: 100, originNanoseconds: origin) { cycle, reading in
            shiftedBits.append(reading.values.map(\.bitPattern))
            #expect(reading.timestampsNanoseconds[0] == origin + cycle * Self.period)
        }
        #expect(zeroBits == shiftedBits)
    }

    /// The in-process `SimulatedFleet`, stepped as `SubstationSimulation` steps it, against the plugin.
    @Test func pluginMatchesTheInProcessFleetBitForBit() throws {
        let scenario = try Scenario.load(path: PluginFixtures.smallDSOPath)
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: VirtualHost(),
                                                 config: "scenario=\(PluginFixtures.smallDSOPath)")
        let resourceIndex = Dictionary(uniqueKeysWithValues: scenario.model.resources.enumerated().map { ($1.id, $0) })
        let pointIndex = Dictionary(uniqueKeysWithValues: scenario.model.interfacePoints.enumerated().map { ($1.id, $0) })
        var fleet = scenario.makeFleet()
        var lastCommand = scenario.model.resources.map { resource -> Double in
            switch resource.kind {
            case .pv: resource.maximumKW
            case .demandResponse: resource.minimumKW
            default: 0
            }
        }
        var mismatches: [String] = []
        var compared = 0
        try drive(instance, scenario: scenario, cycles: 1200) { cycle, reading in
            let seconds = Double(cycle * Self.period) / 1e9
            fleet.advance(toSeconds: seconds)
            for (index, point) in instance.points.enumerated() {
                let dot = point.name.lastIndex(of: ".")!
                let id = String(point.name[..<dot]), quantity = String(point.name[point.name.index(after: dot)...])
                let expected: Double
                if quantity == "net_import_kw" {
                    expected = fleet.meteredNetImportKW(interfacePoint: pointIndex[id]!)
                } else {
                    let resource = resourceIndex[id]!
                    switch quantity {
                    case "p_kw": expected = fleet.powerKW(resource)
                    case "available_up_kw": expected = fleet.availableUpKW(resource)
                    case "available_down_kw": expected = fleet.availableDownKW(resource)
                    case "soc": expected = fleet.soc(resource)
                    case "setpoint_kw": expected = lastCommand[resource]
                    default: Issue.record("unexpected point \(point.name)"); continue
                    }
                }
                compared += 1
                if reading.values[index].bitPattern != expected.bitPattern, mismatches.count < 10 {
                    mismatches.append("t=\(seconds) \(point.name): plugin \(reading.values[index]) fleet \(expected)")
                }
            }
            for (index, resource) in scenario.model.resources.enumerated() where resource.kind != .load {
                let kw = Self.command(resource, index: index, seconds: seconds)
                fleet.command(resource: index, kw: kw, atSeconds: seconds)
                lastCommand[index] = kw
            }
        }
        #expect(compared == 1200 * instance.points.count)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
