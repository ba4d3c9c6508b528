import Testing
@testable import DSOScenario

@Suite("InterfaceMeter")
struct InterfaceMeterTests {
    @Test("net import is minus the member sum plus quadratic losses")
    func losses() {
        let meter = InterfaceMeter(ratingKW: 1_000, lossCoefficient: 0.01)
        // 500 kW of load: losses 0.01 × 500² / 1 000 = 2.5 kW.
        #expect(abs(meter.lossesKW(memberPowerSumKW: -500) - 2.5) < 1e-12)
        #expect(abs(meter.netImportKW(memberPowerSumKW: -500) - 502.5) < 1e-12)
        // Exporting 200 kW still costs losses, supplied from the grid.
        #expect(abs(meter.netImportKW(memberPowerSumKW: 200) - (-200 + 0.4)) < 1e-12)
    }

    @Test("measurement noise is bounded and deterministic")
    func noise() {
        let meter = InterfaceMeter(ratingKW: 1_000, noiseKW: 3, seed: 9)
        var sawNoise = false
        for step in 0..<500 {
            let seconds = Double(step) * 0.37
            let reading = meter.measuredNetImportKW(memberPowerSumKW: -400, atSeconds: seconds)
            #expect(abs(reading - 400) <= 3)
            #expect(reading == meter.measuredNetImportKW(memberPowerSumKW: -400, atSeconds: seconds))
            if reading != 400 { sawNoise = true }
        }
        #expect(sawNoise)
    }
}
