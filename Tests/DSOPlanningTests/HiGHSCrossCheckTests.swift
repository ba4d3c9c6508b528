import DSOForecast
import DSOOptimization
import DSOPlanning
import Foundation
import OpenDSOTestSupport
import Testing

/// The planner's own models, written as MPS and solved by HiGHS (highspy from PyPI), reach the objective CLP
/// and CBC reach, within 1e-6 relative: an LP day of batteries, PV and regulation, and a MILP with a DR event limit.
@Suite struct PlannerHiGHSCrossCheckTests {
    static func fleet(limited: Bool) -> PlanningFleet {
        let count = 24
        let load: [Double] = (0..<count).map { hour in
            let daily: Double = 600 * sin(Double(hour - 6) / 24 * 2 * .pi)
            return 1500 + daily
        }
        var fleet = PlanningFleet(interfacePoints: [
            .init(id: "A", importLimitKW: 2500, exportLimitKW: 1500, inflexibleLoadKW: load),
            .init(id: "B", importLimitKW: 1200, exportLimitKW: 800, inflexibleLoadKW: load.map { $0 * 0.6 }),
        ])
        for (index, point) in [0, 0, 1].enumerated() {
            var battery = PlanningFleet.Battery(id: "BESS\(index)", interfacePoint: point, chargeKW: 300 + 100 * Double(index),
                                                dischargeKW: 350, capacityKWh: 1000, initialSOC: 0.3 + 0.2 * Double(index))
            battery.chargeEfficiency = 0.93
            battery.dischargeEfficiency = 0.95
            battery.terminalSOC = 0.5
            fleet.batteries.append(battery)
        }
        fleet.pv = [.init(id: "PV", interfacePoint: 1, ratingKW: 900,
                          availableKW: (0..<count).map { hour in
                              let sun: Double = 900 * sin(Double(hour - 6) / 12 * .pi)
                              return max(0, sun)
                          })]
        var programme = PlanningFleet.DemandResponse(id: "DR", interfacePoint: 0,
                                                     availableKW: (0..<count).map { (14..<20).contains($0) ? 200 : 0 })
        if limited {
            programme.maximumEvents = 1
            programme.maximumHours = 3
        }
        fleet.demandResponse = [programme]
        return fleet
    }

    static var prices: MarketPrices {
        var energy: [Double] = [], up: [Double] = [], down: [Double] = [], spinning: [Double] = []
        for hour in 0..<24 {
            let daily: Double = 40 * sin(Double(hour - 10) / 24 * 2 * .pi)
            energy.append(35 + daily + (hour == 18 ? 250 : 0))
            up.append(6 + Double(hour % 5))
            down.append(4 + Double(hour % 3))
            spinning.append(3 + Double(hour % 4))
        }
        return MarketPrices(energyPerMWh: energy, regulationUpPerMWh: up, regulationDownPerMWh: down, spinningPerMWh: spinning)
    }

    @Test(arguments: [false, true])
    func highsAgreesOnThePlannersObjective(limited: Bool) async throws {
        let model = try DayAheadPlanner().model(fleet: Self.fleet(limited: limited), prices: Self.prices, horizon: PlanFixtures.horizon(24))
        #expect(model.isMixedInteger == limited)
        let solution = try LinearSolver.solve(model)
        #expect(solution.status == .optimal)
        try await TemporaryFolder.with { folder in
            let path = try folder.write("plan.mps", model.mps())
            let highs = try PythonScript.run("""
                import highspy, sys
                h = highspy.Highs()
                h.setOptionValue("output_flag", False)
                h.setOptionValue("mip_rel_gap", 1e-9)
                h.readModel(sys.argv[1])
                h.run()
                print(h.modelStatusToString(h.getModelStatus()))
                print(repr(h.getInfo().objective_function_value))
                """, arguments: [path])
            let lines = highs.split(separator: "\n").map(String.init)
            let objective = try #require(Double(lines.last ?? ""), "\(highs)")
            #expect(lines.first == "Optimal", "\(highs)")
            #expect(abs(objective - solution.objective) <= 1e-6 * max(1, abs(objective)), "HiGHS \(objective), \(solution.solver) \(solution.objective)")
        }
    }
}
