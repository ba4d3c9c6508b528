import DSOModel
import Testing

/// The model the kernel is built on: resources grouped per interface point, inconsistencies named.
struct SubstationModelTests {
    static let points = [
        InterfacePointSpec(id: "A", importLimitKW: 100, exportLimitKW: 50, deviationBandKW: 5),
        InterfacePointSpec(id: "B", importLimitKW: 100, exportLimitKW: 50, deviationBandKW: 5),
    ]

    static func battery(_ id: String, at point: Int, minimumKW: Double = -10, maximumKW: Double = 10) -> ResourceSpec {
        ResourceSpec(id: id, kind: .battery, interfacePoint: point, maximumKW: maximumKW, minimumKW: minimumKW,
                     energyCapacityKWh: 20, providesRegulation: true)
    }

    @Test func resourcesAreGroupedPerInterfacePointInStableOrder() throws {
        let given = [Self.battery("b1", at: 1), Self.battery("a1", at: 0), Self.battery("b2", at: 1), Self.battery("a2", at: 0)]
        let model = try SubstationModel(interfacePoints: Self.points, resources: given)
        #expect(model.resources.map(\.id) == ["a1", "a2", "b1", "b2"])
        #expect(model.memberRanges == [0..<2, 2..<4])
        for (point, range) in model.memberRanges.enumerated() {
            #expect(model.resources[range].allSatisfy { $0.interfacePoint == point })
        }
    }

    @Test func anInterfacePointWithoutResourcesHasAnEmptyRange() throws {
        let model = try SubstationModel(interfacePoints: Self.points, resources: [Self.battery("b1", at: 1)])
        #expect(model.memberRanges == [0..<0, 0..<1])
    }

    @Test func inconsistenciesAreNamedByKey() {
        func key(_ points: [InterfacePointSpec], _ resources: [ResourceSpec]) -> String? {
            do {
                _ = try SubstationModel(interfacePoints: points, resources: resources)
                return nil
            } catch {
                return error.key
            }
        }
        #expect(key([], []) == "interface_points")
        #expect(key([Self.points[0], Self.points[0]], []) == "interface_points.A")
        #expect(key(Self.points, [Self.battery("x", at: 0), Self.battery("x", at: 1)]) == "resources.x")
        #expect(key(Self.points, [Self.battery("x", at: 2)]) == "resources.x.interface_point")
        #expect(key(Self.points, [Self.battery("x", at: 0, minimumKW: 5, maximumKW: 1)]) == "resources.x")
        #expect(key(Self.points, [Self.battery("x", at: 0, minimumKW: .nan)]) == "resources.x", "NaN bounds are refused")
    }

    @Test func marginalCostIsTheDerivativeOfTheHourlyCost() {
        let cost = MarginalCost(linearPerKWh: 0.05, quadraticPerKWhPerKW: 0.002)
        for kw in stride(from: -50.0, through: 50, by: 12.5) {
            let step = 1e-4
            let derivative = (cost.hourlyCost(atKW: kw + step) - cost.hourlyCost(atKW: kw - step)) / (2 * step)
            #expect(abs(derivative - cost.incremental(atKW: kw)) < 1e-9)
        }
    }
}
