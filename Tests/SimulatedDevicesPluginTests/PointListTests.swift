import OpenDSOTestSupport
import DSODriverABI
import DSOModel
import DSOSimulation
import DSOScenario
import Testing

/// The point list follows the scenario: names, kinds, writability and limits from the device ratings.
@Suite struct PointListTests {
    /// The names the documentation promises, built independently from the scenario's model.
    static func expectedNames(_ scenario: Scenario, resources: [ResourceSpec]? = nil, meters: [String]? = nil) -> [String] {
        var names: [String] = []
        for resource in resources ?? scenario.model.resources {
            names += ["p_kw", "available_up_kw", "available_down_kw"].map { "\(resource.id).\($0)" }
            if resource.kind == .battery { names.append("\(resource.id).soc") }
            if resource.kind != .load { names.append("\(resource.id).setpoint_kw") }
        }
        let meterIDs = meters ?? scenario.model.interfacePoints.filter(\.hasMeter).map(\.id)
        return names + meterIDs.map { "\($0).net_import_kw" }
    }

    @Test func exampleScenarioPointsMatchItsResourcesAndMeters() throws {
        let scenario = try Scenario.load(path: PluginFixtures.smallDSOPath)
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: VirtualHost(),
                                                 config: "scenario=\(PluginFixtures.smallDSOPath)")
        #expect(instance.points.map(\.name) == Self.expectedNames(scenario))
        // Three per device, SOC for 21 batteries, set points for all but the 5 feeder loads, 2 meters.
        #expect(instance.points.count == 232 * 3 + 21 + 227 + 2)
        for point in instance.points {
            #expect(point.writable == point.name.hasSuffix(".setpoint_kw"), "\(point.name)")
            #expect(point.kind == (point.writable ? Int32(DSO_POINT_SETPOINT) : Int32(DSO_POINT_MEASUREMENT)))
            #expect(point.unit == (point.name.hasSuffix(".soc") ? "" : "kW"), "\(point.name)")
            #expect(point.minimum.isFinite && point.maximum.isFinite && point.minimum <= point.maximum, "\(point.name)")
        }
        // Set point limits are the device's rating, as the kernel knows it, so every kernel set point is accepted.
        for resource in scenario.model.resources where resource.kind != .load {
            let point = try #require(instance.points.first { $0.name == "\(resource.id).setpoint_kw" })
            #expect(point.maximum == resource.maximumKW, "\(resource.id)")
            #expect(point.minimum <= resource.minimumKW, "\(resource.id)")
            if resource.kind != .demandResponse { #expect(point.minimum == resource.minimumKW, "\(resource.id)") }
        }
    }

    @Test func limitsComeFromTheRatings() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: VirtualHost(), config: "scenario=\(path)")
        func limits(_ name: String) -> ClosedRange<Double>? {
            instance.points.first { $0.name == name }.map { $0.minimum...$0.maximum }
        }
        #expect(limits("BESS-1.p_kw") == -500...500)
        #expect(limits("BESS-2.p_kw") == -200...250)
        #expect(limits("BESS-2.available_down_kw") == -200...0)
        #expect(limits("BESS-1.soc") == 0.05...0.95)
        #expect(limits("PV-1.setpoint_kw") == 0...300)
        #expect(limits("PV-1.available_down_kw") == 0...0)
        #expect(limits("FDR-1.p_kw") == -1600...0)             // 2000 kW × flat 0.8
        #expect(limits("DR-1.p_kw") == -320...0)               // 400 kW × 0.8
        #expect(limits("DR-1.setpoint_kw") == -400...0)        // down to the kernel's minimum, −peak
        // SUB-A members: −500−1600−320 … 500+300 kW; net import = −Σ + 0.01·Σ²/5000, ± 2 kW meter noise.
        let meter = try #require(limits("SUB-A.net_import_kw"))
        let high = 2420.0 + 0.01 * 2420 * 2420 / 5000 + 2
        let low = -800.0 + 0.01 * 800 * 800 / 5000 - 2
        #expect(abs(meter.upperBound - high) < 1e-9 && abs(meter.lowerBound - low) < 1e-9, "\(meter)")
    }

    @Test func subsetByResourceDropsMetersWithMissingMembers() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let scenario = try Scenario.load(path: path)
        let driver = try PluginLibrary.simulatedDevices.load()
        let some = try PluginInstance.opened(driver, host: VirtualHost(), config: "scenario=\(path); resources=PV-1,BESS-1")
        let chosen = scenario.model.resources.filter { ["PV-1", "BESS-1"].contains($0.id) }
        #expect(some.points.map(\.name) == Self.expectedNames(scenario, resources: chosen, meters: []))

        // BESS-2 is SUB-B's only member, so listing it brings SUB-B's meter along.
        let whole = try PluginInstance.opened(driver, host: VirtualHost(), config: "scenario=\(path); resources=BESS-2")
        #expect(whole.points.map(\.name).last == "SUB-B.net_import_kw")
    }

    @Test func subsetByInterfacePointTakesItsMembersAndMeter() throws {
        let scenario = try Scenario.load(path: PluginFixtures.smallDSOPath)
        let host = VirtualHost()
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: host,
                                                 config: "scenario=\(PluginFixtures.smallDSOPath); interface_points=SUB-BAYVIEW-12KV")
        let point = try #require(scenario.model.interfacePoints.firstIndex { $0.id == "SUB-BAYVIEW-12KV" })
        let members = scenario.model.memberRanges[point].map { scenario.model.resources[$0] }
        #expect(instance.points.map(\.name) == Self.expectedNames(scenario, resources: members, meters: ["SUB-BAYVIEW-12KV"]))
        #expect(host.logged("\(members.count) devices"), "\(host.messages)")
    }

    @Test func pointInfoRefusesIndicesOutOfRange() throws {
        let path = try PluginFixtures.write()
        defer { PluginFixtures.remove(scenarioAt: path) }
        let instance = try PluginInstance.opened(try PluginLibrary.simulatedDevices.load(), host: VirtualHost(), config: "scenario=\(path)")
        var info = dso_point_info()
        #expect(instance.driver.pointee.point_info!(instance.handle, -1, &info) == DSO_ERROR_INVALID)
        #expect(instance.driver.pointee.point_info!(instance.handle, Int32(instance.points.count), &info) == DSO_ERROR_INVALID)
        #expect(instance.driver.pointee.point_info!(instance.handle, 0, nil) == DSO_ERROR_INVALID)
    }
}
