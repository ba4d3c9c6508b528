import DSOPlanning
import Testing

/// Bids are checked as CAISO checks them before they leave: segment count, monotone prices, floor and cap,
/// contiguity, the physical range; and the staircase the planner builds always passes.
@Suite struct BidRulesTests {
    func bid(_ segments: [(Double, Double, Double)]) -> EnergyBid {
        EnergyBid(interfacePoint: "SUB", startUnixSeconds: 0, minutes: 60, selfScheduleMW: -1,
                  segments: segments.map { EnergyBid.Segment(fromMW: $0.0, toMW: $0.1, pricePerMWh: $0.2) })
    }

    @Test func aValidCurvePasses() {
        #expect(BidRules().violations(of: bid([(-1, 0, 20), (0, 1, 45.5)]), rangeMW: -1...1).isEmpty)
    }

    @Test(arguments: [
        ([(-1.0, 0.0, 50.0), (0.0, 1.0, 20.0)], "monotonically non-decreasing"),
        ([(-1.0, 0.0, -200.0)], "outside the bid floor -150.0 and cap 1000.0"),
        ([(-1.0, 0.0, 1500.0)], "outside the bid floor"),
        ([(-1.0, 0.0, 20.0), (0.5, 1.0, 30.0)], "must be contiguous"),
        ([(-3.0, 0.0, 20.0)], "exceeds what the resources can do"),
        ([(0.0, 0.001, 20.0)], "at least 0.01 MW"),
    ])
    func aBrokenRuleIsNamed(segments: [(Double, Double, Double)], message: String) {
        let problems = BidRules().violations(of: bid(segments), rangeMW: -1...1)
        #expect(problems.contains { $0.contains(message) }, "\(problems)")
    }

    @Test func elevenSegmentsAreTooMany() {
        var segments: [(Double, Double, Double)] = []
        for index in 0..<11 {
            let from = Double(index) * 0.1
            segments.append((from, from + 0.1, Double(index)))
        }
        #expect(BidRules().violations(of: bid(segments), rangeMW: 0...2).contains { $0.contains("at most 10") })
    }

    @Test func ancillaryOffersAreChecked() {
        let rules = BidRules()
        let offer = AncillaryOffer(interfacePoint: "SUB", startUnixSeconds: 0, minutes: 60, product: "RU", mw: 2, pricePerMW: 300)
        let problems = rules.violations(of: offer, maximumMW: 1)
        #expect(problems.count == 2 && problems[0].contains("expected 0…1.0 MW") && problems[1].contains("0…250"), "\(problems)")
    }

    @Test func theStaircaseOfManyBatteriesHasTenMonotoneContiguousSegments() throws {
        var fleet = PlanningFleet(interfacePoints: [.init(id: "SUB", importLimitKW: 100_000, exportLimitKW: 100_000,
                                                          inflexibleLoadKW: Array(repeating: 2000, count: 6))])
        for index in 0..<15 {
            var battery = PlanningFleet.Battery(id: "B\(index)", interfacePoint: 0, chargeKW: 100 + Double(index) * 10,
                                                dischargeKW: 100 + Double(index) * 10, capacityKWh: 200 + Double(index) * 37,
                                                initialSOC: 0.2 + 0.04 * Double(index))
            battery.chargeEfficiency = 0.9 + 0.005 * Double(index)
            battery.dischargeEfficiency = battery.chargeEfficiency
            battery.degradationPerMWh = Double(index)
            battery.providesRegulation = index % 2 == 0
            fleet.batteries.append(battery)
        }
        let prices = MarketPrices(energyPerMWh: [20, 15, 60, 140, 90, 30], regulationUpPerMWh: Array(repeating: 8, count: 6),
                                  regulationDownPerMWh: Array(repeating: 6, count: 6))
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: prices, horizon: PlanFixtures.horizon(6))
        #expect(plan.bidViolations.isEmpty, "\(plan.bidViolations)")
        #expect(plan.energyBids.count == 6)
        for bid in plan.energyBids {
            #expect(bid.segments.count <= 10 && bid.segments.count >= 2)
            let prices = bid.segments.map(\.pricePerMWh)
            #expect(prices == prices.sorted())
        }
    }
}
