import OpenDSOTestSupport
import DSOModel
import Foundation
import Testing
@testable import DSOScenario

@Suite("Scenario loading")
struct ScenarioLoadingTests {
    @Test("a minimal scenario loads with its settings, defaults and device order")
    func minimalScenario() throws {
        let scenario = try Scenario.load(path: ScenarioFixtures.write(ScenarioFixtures.minimalScenario))
        #expect(scenario.name == "minimal")
        #expect(scenario.kernel.periodSeconds == 0.5)
        #expect(scenario.kernel.staleAfterSeconds == 2)
        #expect(scenario.run.durationSeconds == 600)
        #expect(scenario.run.recordPeriodSeconds == 2)
        #expect(scenario.run.startTimeOfDaySeconds == 43_200)
        #expect(scenario.regulation.awardMW == 1.5)
        #expect(scenario.regulation.signalPeriodSeconds == 4)
        guard case .generated(kind: .regA, seed: _) = scenario.regulation.signal else {
            Issue.record("expected a generated RegA signal, got \(scenario.regulation.signal)")
            return
        }
        #expect(scenario.model.interfacePoints.map(\.id) == ["NORTH", "SOUTH"])
        #expect(scenario.model.resources.count == 4 + 12 + 3)
        #expect(scenario.devices.count == scenario.model.resources.count)
        #expect(scenario.meters.count == 2)
        #expect(scenario.meters[0].lossCoefficient == 0.02)
        for (resource, device) in zip(scenario.model.resources, scenario.devices) {
            switch device {
            case .battery(let parameters):
                #expect(resource.kind == .battery)
                #expect(resource.maximumKW == parameters.maxDischargeKW)
                #expect(abs(parameters.capacityKWh - 2 * parameters.maxDischargeKW) < 1e-9 || resource.id == "B1")
            case .pv(let parameters):
                #expect(resource.kind == .pv)
                #expect(resource.maximumKW == parameters.ratingKW)
            case .load: #expect(resource.kind == .load)
            case .demandResponse: #expect(resource.kind == .demandResponse)
            }
        }
        let roofs = scenario.model.resources.filter { $0.id.hasPrefix("ROOF-") }
        #expect(roofs.count == 12)
        #expect(roofs.allSatisfy { (5...10).contains($0.maximumKW) && ($0.maximumKW * 2).rounded() == $0.maximumKW * 2 })
        #expect(scenario.schedules.map(\.netImportKW) == [1_200, 1_100, 800])
        #expect(scenario.schedules[2].interfacePoint == 1 && scenario.schedules[2].endSeconds == 600)
        #expect(scenario.profiles.count == 1)
        let battery = scenario.model.resources.first { $0.id == "B1" }!
        #expect(battery.commandDelaySeconds == 2 && battery.providesRegulation)
    }

    @Test("fleets are generated identically from the same seed")
    func deterministicFleets() throws {
        let path = try ScenarioFixtures.write(ScenarioFixtures.minimalScenario)
        let first = try Scenario.load(path: path)
        let second = try Scenario.load(path: path)
        #expect(first.model == second.model)
        let reseeded = try Scenario.load(path: ScenarioFixtures.write(
            ScenarioFixtures.minimalScenario.replacingOccurrences(of: "seed = 7", with: "seed = 8")))
        #expect(reseeded.model.resources.map(\.maximumKW) != first.model.resources.map(\.maximumKW))
    }

    @Test("the scenario builds a fleet that advances")
    func makesFleet() throws {
        let scenario = try Scenario.load(path: ScenarioFixtures.write(ScenarioFixtures.minimalScenario))
        var fleet = scenario.makeFleet()
        fleet.advance(toSeconds: 1)
        // One second after noon: the load draws 2 MW × its profile behind NORTH.
        let load = scenario.model.resources.firstIndex { $0.id == "L1" }!
        let perUnit = try #require(scenario.profiles.values.first).value(atSeconds: 43_201)
        #expect(perUnit > 0.99 && perUnit < 1)
        #expect(abs(fleet.powerKW(load) + 2_000 * perUnit) < 1e-6)
        #expect(fleet.netImportKW(interfacePoint: 0) > 1_500)
    }

    @Test("schedules can come from a CSV next to the scenario")
    func scheduleCSV() throws {
        let text = ScenarioFixtures.minimalScenario.replacingOccurrences(
            of: "schedule_kw = 800", with: "schedule_csv = \"south.csv\"")
        let csv = "# test\nstart_s,end_s,net_import_kw\n0,100,700\n100,600,650\n"
        let scenario = try Scenario.load(path: ScenarioFixtures.write(text, extraFiles: ["south.csv": csv]))
        #expect(scenario.schedules.filter { $0.interfacePoint == 1 }.map(\.netImportKW) == [700, 650])
    }
}
