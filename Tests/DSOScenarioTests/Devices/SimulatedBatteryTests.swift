import Testing
@testable import DSOScenario

@Suite("SimulatedBattery")
struct SimulatedBatteryTests {
    private func battery(
        capacityKWh: Double = 1_000, chargeEfficiency: Double = 1, dischargeEfficiency: Double = 1,
        initialSOC: Double = 0.5, socLimits: ClosedRange<Double> = 0...1, ramp: Double = .infinity,
        timeConstant: Double = 0, delay: Double = 0
    ) -> SimulatedBattery {
        SimulatedBattery(parameters: BatteryParameters(
            maxDischargeKW: 200, maxChargeKW: 150, capacityKWh: capacityKWh,
            chargeEfficiency: chargeEfficiency, dischargeEfficiency: dischargeEfficiency, initialSOC: initialSOC,
            socLimits: socLimits, rampKWPerSecond: ramp, timeConstantSeconds: timeConstant,
            commandDelaySeconds: delay, commandCapacity: 64))
    }

    @Test("SOC integrates charge and discharge through their efficiencies")
    func socWithEfficiencies() {
        var unit = battery(chargeEfficiency: 0.9, dischargeEfficiency: 0.8)
        unit.command(kw: -100, atSeconds: 0)
        for step in 1...36 { unit.advance(toSeconds: Double(step) * 100) }
        // 100 kW for 1 h at 90 %: 90 kWh stored in 1 000 kWh.
        #expect(abs(unit.soc - 0.59) < 1e-9)
        #expect(abs(unit.chargedKWh - 100) < 1e-9)
        unit.command(kw: 100, atSeconds: 3_600)
        for step in 37...72 { unit.advance(toSeconds: Double(step) * 100) }
        // 100 kWh delivered at 80 %: 125 kWh drawn from storage.
        #expect(abs(unit.soc - (0.59 - 0.125)) < 1e-9)
        #expect(abs(unit.dischargedKWh - 100) < 1e-9)
    }

    @Test("no response before the command delay has passed, full response after")
    func commandDelay() {
        var unit = battery(delay: 2)
        unit.command(kw: 50, atSeconds: 0)
        var time = 0.0
        while time < 1.95 {
            time += 0.1
            unit.advance(toSeconds: time)
            if time < 2 - 1e-9 { #expect(unit.powerKW == 0) }
        }
        unit.advance(toSeconds: 2.1)
        #expect(unit.powerKW == 50)
        #expect(unit.setpointKW == 50)
    }

    @Test("a first-order lag reaches 63 % after one time constant")
    func firstOrderLag() {
        var unit = battery(timeConstant: 1)
        unit.command(kw: 100, atSeconds: 0)
        for step in 1...100 { unit.advance(toSeconds: Double(step) * 0.01) }
        #expect(abs(unit.powerKW - 63.212) < 0.01)
        for step in 101...1_000 { unit.advance(toSeconds: Double(step) * 0.01) }
        #expect(unit.powerKW > 99.99)
    }

    @Test("ramp limit caps the change per second")
    func rampLimit() {
        var unit = battery(ramp: 10)
        unit.command(kw: 100, atSeconds: 0)
        for step in 1...50 { unit.advance(toSeconds: Double(step) * 0.1) }
        #expect(abs(unit.powerKW - 50) < 1e-9)
        unit.command(kw: -100, atSeconds: 5)
        unit.advance(toSeconds: 6)
        #expect(abs(unit.powerKW - 40) < 1e-9)
    }

    @Test("power limits clip the set point")
    func powerLimits() {
        var unit = battery()
        unit.command(kw: 1_000, atSeconds: 0)
        unit.advance(toSeconds: 1)
        #expect(unit.powerKW == 200)
        unit.command(kw: -1_000, atSeconds: 1)
        unit.advance(toSeconds: 2)
        #expect(unit.powerKW == -150)
    }

    @Test("SOC limits force power to zero in the direction that would cross them")
    func socLimits() {
        var unit = battery(capacityKWh: 10, dischargeEfficiency: 0.9, socLimits: 0.1...0.9)
        unit.command(kw: 200, atSeconds: 0)
        for step in 1...600 { unit.advance(toSeconds: Double(step)) }
        #expect(unit.soc == 0.1)
        #expect(unit.powerKW == 0)
        #expect(unit.availableDischargeKW == 0)
        #expect(unit.availableChargeKW == 150)
        // Delivered exactly the stored energy above the limit, times the discharge efficiency.
        #expect(abs(unit.dischargedKWh - 0.4 * 10 * 0.9) < 1e-9)
        unit.command(kw: -150, atSeconds: 600)
        for step in 601...1_200 { unit.advance(toSeconds: Double(step)) }
        #expect(unit.soc == 0.9)
        #expect(unit.powerKW == 0)
        #expect(unit.availableChargeKW == 0)
    }

    @Test("a full delay line keeps only the newest command")
    func delayLineOverflow() {
        var line = CommandDelayLine(delaySeconds: 1, capacity: 2)
        line.push(1, givenAtSeconds: 0)
        line.push(2, givenAtSeconds: 0.1)
        line.push(3, givenAtSeconds: 0.2)
        #expect(line.pendingCount == 2)
        #expect(line.nextDueSeconds == 1)
        #expect(line.popOldest() == 1)
        #expect(abs(line.nextDueSeconds - 1.2) < 1e-12)
        #expect(line.popOldest() == 3)
        #expect(line.nextDueSeconds == .infinity)
    }
}
