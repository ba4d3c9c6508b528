import DSOModel
import Testing
@testable import DSOScenario

@Suite("SimulatedFleet")
struct SimulatedFleetTests {
    /// Resources given out of interface-point order, so the model reorders them.
    private func makeFleet() throws -> (SubstationModel, SimulatedFleet) {
        let points = [
            InterfacePointSpec(id: "A", importLimitKW: 1_000, exportLimitKW: 500, deviationBandKW: 10),
            InterfacePointSpec(id: "B", importLimitKW: 1_000, exportLimitKW: 500, deviationBandKW: 10),
        ]
        let resources = [
            ResourceSpec(id: "load-b", kind: .load, interfacePoint: 1, maximumKW: 0, minimumKW: -300),
            ResourceSpec(id: "bat-a", kind: .battery, interfacePoint: 0, maximumKW: 100, minimumKW: -100),
            ResourceSpec(id: "pv-a", kind: .pv, interfacePoint: 0, maximumKW: 50, minimumKW: 0),
            ResourceSpec(id: "dr-b", kind: .demandResponse, interfacePoint: 1, maximumKW: 0, minimumKW: -200),
        ]
        let physics: [String: DeviceSpec] = [
            "load-b": .load(LoadParameters(peakKW: 300, shape: .constant(1))),
            "bat-a": .battery(BatteryParameters(maxDischargeKW: 100, maxChargeKW: 80, capacityKWh: 200)),
            "pv-a": .pv(PVParameters(ratingKW: 50, irradiance: .constant(0.6))),
            "dr-b": .demandResponse(DemandResponseParameters(
                peakKW: 200, shape: .constant(1), curtailableShare: 0.5, maxCurtailmentKW: 60)),
        ]
        let model = try SubstationModel(interfacePoints: points, resources: resources)
        let devices = model.resources.map { physics[$0.id]! }
        let meters = [InterfaceMeter(ratingKW: 1_000, lossCoefficient: 0.01), InterfaceMeter(ratingKW: 1_000)]
        return (model, SimulatedFleet(model: model, devices: devices, meters: meters))
    }

    @Test("readouts follow the model's resource order and sum per interface point")
    func readoutsInModelOrder() throws {
        var (model, fleet) = try makeFleet()
        #expect(fleet.resourceCount == model.resources.count)
        for (index, resource) in model.resources.enumerated() { #expect(fleet.kinds[index] == resource.kind) }
        let battery = model.resources.firstIndex { $0.id == "bat-a" }!
        let pv = model.resources.firstIndex { $0.id == "pv-a" }!
        let dr = model.resources.firstIndex { $0.id == "dr-b" }!
        fleet.command(resource: battery, kw: -40, atSeconds: 0)
        fleet.command(resource: dr, kw: -150, atSeconds: 0)  // net −150 kW: shed 50 of 200
        fleet.advance(toSeconds: 1)
        #expect(fleet.powerKW(battery) == -40)
        #expect(abs(fleet.powerKW(pv) - 30) < 1e-9)
        #expect(abs(fleet.powerKW(dr) + 150) < 1e-9)
        #expect(fleet.availableUpKW(battery) == 100 && fleet.availableDownKW(battery) == -80)
        #expect(abs(fleet.availableUpKW(pv) - 30) < 1e-9 && fleet.availableDownKW(pv) == 0)
        #expect(fleet.availableUpKW(dr) == -140 && fleet.availableDownKW(dr) == -200)
        #expect(fleet.soc(battery) > 0.5)
        #expect(fleet.soc(pv).isNaN)
        let sumA = fleet.powerKW(battery) + fleet.powerKW(pv)
        #expect(abs(fleet.memberPowerSumKW(interfacePoint: 0) - sumA) < 1e-9)
        #expect(abs(fleet.netImportKW(interfacePoint: 0) - (-sumA + 0.01 * sumA * sumA / 1_000)) < 1e-9)
        #expect(abs(fleet.netImportKW(interfacePoint: 1) - (300 + 150)) < 1e-9)
        #expect(fleet.meteredNetImportKW(interfacePoint: 1) == fleet.netImportKW(interfacePoint: 1))
    }

    @Test("a thousand batteries advance many steps deterministically")
    func manyDevicesDeterministic() throws {
        let model = try SubstationModel(
            interfacePoints: [InterfacePointSpec(id: "A", importLimitKW: 1e6, exportLimitKW: 1e6, deviationBandKW: 0)],
            resources: (0..<1_000).map {
                ResourceSpec(id: "b\($0)", kind: .battery, interfacePoint: 0, maximumKW: 100, minimumKW: -100)
            })
        let devices = (0..<1_000).map { index in
            DeviceSpec.battery(BatteryParameters(
                maxDischargeKW: 100, maxChargeKW: 100, capacityKWh: 200, rampKWPerSecond: 50,
                timeConstantSeconds: 1, commandDelaySeconds: 2, commandCapacity: 24))
        }
        func run() -> Double {
            var fleet = SimulatedFleet(model: model, devices: devices, meters: [InterfaceMeter(ratingKW: 1e5)])
            for step in 1...200 {
                let seconds = Double(step) * 0.1
                if step % 10 == 0 {
                    for resource in 0..<1_000 { fleet.command(resource: resource, kw: Double(resource % 7) * 10, atSeconds: seconds) }
                }
                fleet.advance(toSeconds: seconds)
            }
            return fleet.memberPowerSumKW(interfacePoint: 0)
        }
        let first = run()
        #expect(first > 0)
        #expect(first == run())
    }
}
