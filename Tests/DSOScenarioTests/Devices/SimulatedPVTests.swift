import Testing
@testable import DSOScenario

@Suite("SimulatedPV")
struct SimulatedPVTests {
    @Test("output follows the profile times the rating and the scale")
    func followsProfile() throws {
        let profile = try Profile(csv: "hour,value\n0,0\n12,1\n", name: "tri")
        var pv = SimulatedPV(parameters: PVParameters(ratingKW: 10, irradiance: profile, profileScale: 0.8),
                             startTimeOfDaySeconds: 6 * 3_600)
        #expect(abs(pv.availableKW - 4) < 1e-9)
        pv.advance(toSeconds: 3 * 3_600)
        #expect(abs(pv.availableKW - 6) < 1e-9)
        #expect(abs(pv.powerKW - 6) < 1e-9)
    }

    @Test("curtailment takes effect after the delay and release restores full output")
    func curtailment() {
        var pv = SimulatedPV(parameters: PVParameters(
            ratingKW: 10, irradiance: .constant(0.8), commandDelaySeconds: 1, commandCapacity: 8))
        #expect(pv.powerKW == 8)
        pv.command(maxKW: 5, atSeconds: 0)
        pv.advance(toSeconds: 0.5)
        #expect(pv.powerKW == 8)
        pv.advance(toSeconds: 1.5)
        #expect(pv.powerKW == 5)
        #expect(pv.availableKW == 8)
        pv.command(maxKW: 10, atSeconds: 1.5)
        pv.advance(toSeconds: 3)
        #expect(pv.powerKW == 8)
    }

    @Test("curtailment follows the lag but the sun caps output at once")
    func lagAndSunCap() throws {
        var pv = SimulatedPV(parameters: PVParameters(
            ratingKW: 100, irradiance: .constant(1), timeConstantSeconds: 2, commandCapacity: 8))
        pv.command(maxKW: 0, atSeconds: 0)
        for step in 1...200 { pv.advance(toSeconds: Double(step) * 0.01) }
        #expect(abs(pv.powerKW - 100 * 0.36788) < 0.05)
    }
}
