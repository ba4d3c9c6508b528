import DSOForecast
import DSOOptimization
import DSOPlanning
import DSOStatusSchema
import Testing

/// Plans small enough to solve by hand: where the battery charges and discharges, what a DR call and an
/// interface limit change, what regulation holds back, and what a plan relaxes instead of failing.
@Suite struct DayAheadPlannerTests {
    @Test func oneBatteryChargesCheapAndDischargesDear() throws {
        let plan = try DayAheadPlanner().plan(fleet: PlanFixtures.oneBattery(loadKW: [0, 0]),
                                              prices: MarketPrices(energyPerMWh: [20, 100]), horizon: PlanFixtures.horizon(2))
        let battery = try #require(plan.resources.first)
        #expect(battery.basePointKW.map { $0.rounded() } == [-100, 100])
        #expect(plan.interfacePoints[0].netImportKW.map { $0.rounded() } == [100, -100])
        // Buy 100 kWh at $20/MWh, sell them at $100/MWh: $8.
        #expect(plan.revenue.energyCents == 800 && plan.revenue.netCents == 800)
        #expect(plan.relaxed.isEmpty && plan.bidViolations.isEmpty, "\(plan.relaxed) \(plan.bidViolations)")
    }

    @Test func lossesShrinkWhatComesBack() throws {
        let plan = try DayAheadPlanner().plan(fleet: PlanFixtures.oneBattery(loadKW: [0, 0], efficiency: 0.9),
                                              prices: MarketPrices(energyPerMWh: [20, 100]), horizon: PlanFixtures.horizon(2))
        let battery = try #require(plan.resources.first)
        // 100 kWh in stores 90; 90 out delivers 81: $8.10 − $2.00.
        let basePoints = battery.basePointKW.map { ($0 * 1000).rounded() / 1000 }
        #expect(basePoints == [-100, 81])
        #expect(plan.revenue.energyCents == 610)
        // The stored energy's value prices the bids: charging pays below value × ηc, discharging above value / ηd.
        let first = try #require(plan.energyBids.first)
        #expect(first.segments.count == 2 && first.segments[0].pricePerMWh <= first.segments[1].pricePerMWh)
    }

    @Test func aBindingImportLimitSpreadsTheCharging() throws {
        let plan = try DayAheadPlanner().plan(fleet: PlanFixtures.oneBattery(loadKW: [900, 900, 900], importLimitKW: 1000,
                                                                             powerKW: 200, energyKWh: 200),
                                              prices: MarketPrices(energyPerMWh: [20, 30, 100]), horizon: PlanFixtures.horizon(3))
        let battery = try #require(plan.resources.first)
        #expect(battery.basePointKW.map { $0.rounded() } == [-100, -100, 200])
        #expect(plan.interfacePoints[0].netImportKW.map { $0.rounded() } == [1000, 1000, 700])
        // The battery's part: sell 200 kWh at $100, buy 100 at $20 and 100 at $30 (the load's energy is the same either way).
        let loadCost = 900.0 * (20 + 30 + 100) / 1000
        #expect(plan.revenue.energyCents == Int(((20 - 5 - loadCost) * 100).rounded()))
        #expect(plan.relaxed.isEmpty)
    }

    @Test func theForecastBandIsKeptFreeUnderTheImportLimit() throws {
        var fleet = PlanFixtures.oneBattery(loadKW: [900, 900, 900], importLimitKW: 1000, powerKW: 200, energyKWh: 200)
        // A P90 load 50 kW above the P50: only 50 kW of each cheap hour is left for charging.
        fleet.interfacePoints[0].importMarginKW = [50, 50, 50]
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: MarketPrices(energyPerMWh: [20, 30, 100]), horizon: PlanFixtures.horizon(3))
        #expect(plan.resources[0].basePointKW.map { $0.rounded() } == [-50, -50, 100] && plan.relaxed.isEmpty, "\(plan.resources[0].basePointKW)")
        let documents = [ForecastDocument(target: "SUB/load", kind: "load", interfacePoint: "SUB", horizon: "day-ahead", forecaster: "ridge",
                                          issueUnixSeconds: 0, issued: "", hours: (0..<3).map { hour in
                                              ForecastHour(startUnixSeconds: 1_784_073_600 + Int64(hour) * 3600, p10KW: 860, p50KW: 900, p90KW: 950)
                                          })]
        let hedged = PlanningForecasts.documents(documents, horizon: try PlanFixtures.horizon(3)).forecasts.seriesKW
        #expect(hedged["SUB/import-margin"] == [50, 50, 50] && hedged["SUB/export-margin"] == [40, 40, 40], "\(hedged)")
    }

    @Test func aDRProgrammeIsCalledInsideItsWindowWithinItsEventsAndHours() throws {
        var fleet = PlanningFleet(interfacePoints: [.init(id: "SUB", importLimitKW: 10_000, exportLimitKW: 10_000,
                                                          inflexibleLoadKW: Array(repeating: 500, count: 6))])
        var programme = PlanningFleet.DemandResponse(id: "DR", interfacePoint: 0, availableKW: [0, 0, 100, 100, 100, 100])
        programme.costPerMWh = 150
        programme.maximumEvents = 1
        programme.maximumHours = 2
        fleet.demandResponse = [programme]
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: MarketPrices(energyPerMWh: [50, 50, 300, 300, 50, 300]),
                                              horizon: PlanFixtures.horizon(6))
        let called = try #require(plan.resources.first { $0.id == "DR" })
        // Three dear hours but two hours and one event allowed: the first two, together.
        #expect(called.basePointKW.map { $0.rounded() } == [0, 0, 100, 100, 0, 0])
        #expect(plan.revenue.demandResponseCents == 3000 && plan.solver == "clp", "re-solved as an LP with the calls fixed")
        #expect(plan.relaxationGap == nil, "CBC decided")
        // A plan too large for CBC takes its calls from the relaxation's prices: the same calls here, and a gap ≥ 0.
        var settings = PlanningSettings()
        settings.exactMILPVariableLimit = 0
        let large = try DayAheadPlanner(settings: settings).plan(fleet: fleet, prices: MarketPrices(energyPerMWh: [50, 50, 300, 300, 50, 300]),
                                                                 horizon: PlanFixtures.horizon(6))
        #expect(large.resources[0].basePointKW.map { $0.rounded() } == [0, 0, 100, 100, 0, 0])
        let gap = try #require(large.relaxationGap)
        #expect(gap >= -1e-9 && gap < 0.2, "\(gap)")
    }

    @Test func noCallStartsInsideTheNotificationTime() throws {
        var fleet = PlanningFleet(interfacePoints: [.init(id: "SUB", importLimitKW: 10_000, exportLimitKW: 10_000,
                                                          inflexibleLoadKW: Array(repeating: 500, count: 4))])
        var programme = PlanningFleet.DemandResponse(id: "DR", interfacePoint: 0, availableKW: [100, 100, 100, 100])
        programme.costPerMWh = 100
        let horizon = try PlanFixtures.horizon(4)
        programme.notBeforeUnixSeconds = horizon.intervals[2].startUnixSeconds
        fleet.demandResponse = [programme]
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: MarketPrices(energyPerMWh: [400, 400, 400, 400]), horizon: horizon)
        #expect(plan.resources[0].basePointKW.map { $0.rounded() } == [0, 0, 100, 100])
    }

    @Test func regulationIsHeldWhenItPaysWithItsEnergyInsideTheBand() throws {
        var fleet = PlanFixtures.oneBattery(loadKW: [0, 0, 0, 0], powerKW: 500, energyKWh: 1000)
        fleet.batteries[0].providesRegulation = true
        fleet.batteries[0].initialSOC = 0.5
        fleet.batteries[0].socBand = 0.2...0.8
        let prices = MarketPrices(energyPerMWh: [40, 40, 40, 40], regulationUpPerMWh: [30, 30, 30, 30],
                                  regulationDownPerMWh: [20, 20, 20, 20])
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: prices, horizon: PlanFixtures.horizon(4))
        let battery = try #require(plan.resources.first)
        let up = try #require(battery.regulationUpKW), down = try #require(battery.regulationDownKW), soc = try #require(battery.soc)
        for t in 0..<4 {
            // Power: energy plus regulation within ±500 kW; energy: 15 minutes of full deflection inside 20–80 %.
            #expect(battery.basePointKW[t] + up[t] <= 500 + 1e-6 && battery.basePointKW[t] - down[t] >= -500 - 1e-6)
            #expect(soc[t] * 1000 - up[t] * 0.25 >= 200 - 1e-6 && soc[t] * 1000 + down[t] * 0.25 <= 800 + 1e-6)
        }
        // Nearly the whole ±500 kW is held (a little charging to carry the regulation's losses and drift even
        // lets regulation up, the dearer, go beyond the discharge rating).
        let held = zip(up, down).map { $0 + $1 }
        #expect(held.allSatisfy { $0 >= 990 } && up.allSatisfy { $0 >= 500 - 1e-6 }, "up \(up), down \(down)")
        #expect(plan.revenue.regulationCents > 0 && plan.ancillaryOffers.contains { $0.product == "RU" })
    }

    @Test func anAwardIsHeldEvenUnpaidAndWhatCannotBeIsReported() throws {
        var fleet = PlanFixtures.oneBattery(loadKW: [0, 0, 0], powerKW: 500, energyKWh: 1000)
        fleet.batteries[0].providesRegulation = true
        fleet.batteries[0].initialSOC = 0.5
        fleet.batteries[0].socBand = 0.2...0.8
        fleet.interfacePoints[0].regulationAwardKW = 300
        let prices = MarketPrices(energyPerMWh: [40, 40, 40])
        let held = try DayAheadPlanner().plan(fleet: fleet, prices: prices, horizon: PlanFixtures.horizon(3))
        let up = try #require(held.resources[0].regulationUpKW), down = try #require(held.resources[0].regulationDownKW)
        #expect(up.allSatisfy { $0 >= 300 - 1e-6 } && down.allSatisfy { $0 >= 300 - 1e-6 } && held.relaxed.isEmpty, "\(up) \(down) \(held.relaxed)")
        // 2 MW each way from a 500 kW battery: held as far as it goes, the rest reported.
        fleet.interfacePoints[0].regulationAwardKW = 2000
        let short = try DayAheadPlanner().plan(fleet: fleet, prices: prices, horizon: PlanFixtures.horizon(3))
        #expect((short.relaxed["regulation-award"] ?? 0) > 0, "\(short.relaxed)")
    }

    @Test func anInitialSOCOutsideTheBandIsRelaxedAndReported() throws {
        var fleet = PlanFixtures.oneBattery(loadKW: [0, 0], powerKW: 10, energyKWh: 100)
        fleet.batteries[0].socBand = 0.2...0.8
        fleet.batteries[0].initialSOC = 0.05
        fleet.batteries[0].terminalSOC = 0.5
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: MarketPrices(energyPerMWh: [30, 30]), horizon: PlanFixtures.horizon(2))
        // 10 kW for two hours cannot lift 5 kWh to 20 kWh in the first hour nor to 50 kWh at the end.
        #expect((plan.relaxed["soc-band"] ?? 0) > 0 && (plan.relaxed["soc-terminal"] ?? 0) > 0, "\(plan.relaxed)")
        #expect(plan.resources[0].basePointKW.map { $0.rounded() } == [-10, -10], "charges as fast as it can")
    }

    @Test func anOperatingDayHasItsDSTHours() throws {
        let fallBack = LocalDate(year: 2026, month: 11, day: 1), springForward = LocalDate(year: 2026, month: 3, day: 8)
        #expect(try PlanningHorizon(day: fallBack).count == 25)
        #expect(try PlanningHorizon(day: fallBack, minutes: 15).count == 100)
        #expect(try PlanningHorizon(day: springForward, minutes: 15).count == 92)
        #expect(throws: PlanningError.self) { try PlanningHorizon(day: fallBack, minutes: 7) }
    }

    @Test func badInputIsNamed() throws {
        let fleet = PlanFixtures.oneBattery(loadKW: [0])
        let short = #expect(throws: PlanningError.self) {
            try DayAheadPlanner().plan(fleet: fleet, prices: MarketPrices(energyPerMWh: [20, 30]), horizon: PlanFixtures.horizon(2))
        }
        #expect(short?.description.contains("interface point SUB load: 1 values; expected 2") == true, "\(String(describing: short))")
        let nan = #expect(throws: PlanningError.self) {
            try DayAheadPlanner().plan(fleet: PlanFixtures.oneBattery(loadKW: [0, 0]), prices: MarketPrices(energyPerMWh: [20, .nan]),
                                       horizon: PlanFixtures.horizon(2))
        }
        #expect(nan?.description.contains("energy prices: interval 1") == true)
    }
}
