import Testing
@testable import DSOScenario

@Suite("SimulatedLoad")
struct SimulatedLoadTests {
    @Test("power is minus peak times the profile")
    func followsProfile() throws {
        let profile = try Profile(csv: "hour,value\n0,0.5\n12,1\n", name: "load")
        var load = SimulatedLoad(parameters: LoadParameters(peakKW: 1_000, shape: profile))
        #expect(abs(load.powerKW + 500) < 1e-9)
        load.advance(toSeconds: 6 * 3_600)
        #expect(abs(load.powerKW + 750) < 1e-9)
        #expect(abs(load.demandKW - 750) < 1e-9)
    }

    @Test("noise is bounded, seeded and independent of the step size")
    func deterministicNoise() {
        let parameters = LoadParameters(peakKW: 1_000, shape: .constant(1), noiseFraction: 0.02, seed: 42)
        var coarse = SimulatedLoad(parameters: parameters)
        var fine = SimulatedLoad(parameters: parameters)
        var other = SimulatedLoad(parameters: LoadParameters(peakKW: 1_000, shape: .constant(1),
                                                             noiseFraction: 0.02, seed: 43))
        var differs = false
        for second in 1...300 {
            for tenth in 1...10 { fine.advance(toSeconds: Double(second - 1) + Double(tenth) * 0.1) }
            coarse.advance(toSeconds: Double(second))
            other.advance(toSeconds: Double(second))
            #expect(abs(coarse.powerKW - fine.powerKW) < 1e-6)
            #expect(coarse.powerKW <= -980 && coarse.powerKW >= -1_020)
            if coarse.powerKW != other.powerKW { differs = true }
        }
        #expect(differs)
    }
}
