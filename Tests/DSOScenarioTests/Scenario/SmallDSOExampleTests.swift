import OpenDSOTestSupport
import DSOModel
import Foundation
import Testing
@testable import DSOScenario

@Suite("examples/small-dso.toml")
struct SmallDSOExampleTests {
    private func load() throws -> Scenario {
        try Scenario.load(path: ScenarioFixtures.examplesFolder.appendingPathComponent("small-dso.toml").path)
    }

    @Test("loads with the advertised counts")
    func counts() throws {
        let scenario = try load()
        let kinds = scenario.model.resources.map(\.kind)
        #expect(scenario.model.interfacePoints.count == 2)
        #expect(kinds.filter { $0 == .battery }.count == 21)
        #expect(kinds.filter { $0 == .pv }.count == 203)
        #expect(kinds.filter { $0 == .load }.count == 5)
        #expect(kinds.filter { $0 == .demandResponse }.count == 3)
        #expect(Set(scenario.model.resources.map(\.id)).count == scenario.model.resources.count)
        #expect(scenario.schedules.count == 48)
        #expect(scenario.regulation.awardMW == 6)
        #expect(scenario.profiles.count == 3)
        let batteryPowerKW = scenario.model.resources.filter { $0.kind == .battery }.map(\.maximumKW).reduce(0, +)
        #expect(batteryPowerKW > scenario.regulation.awardMW * 1_000)
        #expect(scenario.model.resources.filter { $0.kind == .battery }.allSatisfy { $0.commandDelaySeconds == 2 })
    }

    @Test("the schedules are close to the simulated net import at the start")
    func schedulesFeasible() throws {
        let scenario = try load()
        var fleet = scenario.makeFleet()
        fleet.advance(toSeconds: 1)
        for point in scenario.model.interfacePoints.indices {
            let scheduled = scenario.schedules.first { $0.interfacePoint == point }!.netImportKW
            let actual = fleet.netImportKW(interfacePoint: point)
            #expect(abs(actual - scheduled) < 0.1 * scheduled, "interface point \(point): \(actual) vs \(scheduled)")
        }
    }
}
