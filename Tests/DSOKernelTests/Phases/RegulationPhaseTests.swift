import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import Testing

/// Two regulating batteries of 100 and 300 kW behind one interface point, idle at SOC 0.5 (inside the
/// band, so both weights are 1), no delay and no lag so feed-forward is zero.
@Suite struct RegulationPhaseTests {
    let start = 100 * KernelFixture.second

    func fleet(integralGain: Double = 0) throws -> ControlKernel {
        var configuration = KernelConfiguration()
        configuration.regulation.mismatchIntegralGainPerSecond = integralGain
        return try KernelFixture.kernel(resources: [KernelFixture.battery("B1", kw: 100), KernelFixture.battery("B2", kw: 300),
                                              KernelFixture.load("L")],
                                  configuration: configuration)
    }

    /// Drains messages, snapshots a fresh board (after `adjust`) and runs the regulation phase.
    func regulate(_ kernel: ControlKernel, at time: Int64, elapsed: Double = 0.1,
                  adjust: (ControlKernel) -> Void = { _ in }) {
        kernel.writeNominalBoard(at: time)
        adjust(kernel)
        kernel.cycle(at: time, elapsed: elapsed, .drainInbound, .snapshotTelemetry, .regulation)
    }

    @Test func targetIsSignalTimesAwardSharedInProportionToHeadroom() throws {
        let kernel = try fleet()
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2")
        kernel.pushAward(200)
        kernel.pushSignal(0.5, sequence: 1, at: 100)
        regulate(kernel, at: start)
        let regulation = kernel.regulation
        #expect(regulation.targetKW == 100)                  // 0.5 × 200
        #expect(regulation.commandKW == 100)
        #expect(regulation.availableUpKW == 400 && regulation.availableDownKW == 400)
        // Headroom up 100 and 300 kW: shares 100 · 100/400 = 25 and 100 · 300/400 = 75.
        #expect(nearlyEqual(kernel.state.regulationKW[b1], 25))
        #expect(nearlyEqual(kernel.state.regulationKW[b2], 75))
        #expect(nearlyEqual(kernel.regulationReserveFraction, 0.5))   // 200 kW of 400 kW rating
        #expect(nearlyEqual(regulation.aggregateSOC, 0.5))
    }

    @Test func headroomIsMeasuredFromTheBasePointInTheNeededDirection() throws {
        let kernel = try fleet()
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2")
        kernel.state.basePointKW[b1] = 40
        kernel.state.setpointKW[b1] = 40
        kernel.pushAward(200)
        kernel.pushSignal(0.5, sequence: 1, at: 100)
        regulate(kernel, at: start)
        // Up: B1 has 100 − 40 = 60, B2 300; 100 kW split 60:300 → 16.67 and 83.33.
        #expect(nearlyEqual(kernel.state.regulationKW[b1], 100 * 60 / 360))
        #expect(nearlyEqual(kernel.state.regulationKW[b2], 100 * 300 / 360))

        kernel.pushSignal(-0.5, sequence: 2, at: 100.1)
        regulate(kernel, at: start + KernelFixture.period)
        // Down: B1 has 40 − (−100) = 140, B2 300; −100 kW split 140:300 → −31.82 and −68.18.
        #expect(nearlyEqual(kernel.regulation.availableDownKW, 440))
        #expect(nearlyEqual(kernel.state.regulationKW[b1], -100 * 140 / 440))
        #expect(nearlyEqual(kernel.state.regulationKW[b2], -100 * 300 / 440))
    }

    @Test func staleBatteryGetsNothingAndItsShareMovesInTheSameCycle() throws {
        let kernel = try fleet()
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2")
        kernel.pushAward(200)
        kernel.pushSignal(0.5, sequence: 1, at: 100)
        regulate(kernel, at: start)
        #expect(nearlyEqual(kernel.state.regulationKW[b1], 25))

        let next = start + KernelFixture.period
        regulate(kernel, at: next) { $0.board.timestampNanoseconds[b1] = next - 4 * KernelFixture.second }
        #expect(kernel.health(b1) == .stale)
        #expect(kernel.state.regulationKW[b1] == 0)
        #expect(nearlyEqual(kernel.state.regulationKW[b2], 100))
        #expect(kernel.regulation.availableUpKW == 300)
        #expect(nearlyEqual(kernel.regulationReserveFraction, 200.0 / 300))
    }

    @Test func batteryAtItsLowSOCLimitHasNoUpHeadroom() throws {
        let kernel = try fleet()
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2")
        kernel.pushAward(200)
        kernel.pushSignal(0.5, sequence: 1, at: 100)
        regulate(kernel, at: start) { $0.board.soc[b1] = 0.05 }
        #expect(kernel.state.regulationUpKW[b1] == 0)
        #expect(kernel.state.regulationKW[b1] == 0)
        #expect(nearlyEqual(kernel.state.regulationKW[b2], 100))

        // Charging (down) is still allowed: 100 kW down split 100:300.
        kernel.pushSignal(-0.5, sequence: 2, at: 100.1)
        regulate(kernel, at: start + KernelFixture.period) { $0.board.soc[b1] = 0.05 }
        #expect(nearlyEqual(kernel.state.regulationKW[b1], -25))
        #expect(nearlyEqual(kernel.state.regulationKW[b2], -75))
    }

    @Test func upHeadroomFadesBetweenTheLimitAndTheBand() throws {
        let kernel = try fleet()
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2")
        kernel.pushAward(200)
        kernel.pushSignal(0.5, sequence: 1, at: 100)
        // SOC 0.125 is half-way from the 0.05 limit to the 0.2 band edge: weight 0.5, up headroom 50 kW.
        regulate(kernel, at: start) { $0.board.soc[b1] = 0.125 }
        #expect(nearlyEqual(kernel.state.regulationUpKW[b1], 50))
        #expect(nearlyEqual(kernel.state.regulationKW[b1], 100 * 50 / 350))
        #expect(nearlyEqual(kernel.state.regulationKW[b2], 100 * 300 / 350))
    }

    @Test func commandIsLimitedToTheFleetHeadroom() throws {
        let kernel = try fleet()
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2")
        kernel.pushAward(1000)
        kernel.pushSignal(1, sequence: 1, at: 100)
        regulate(kernel, at: start)
        #expect(kernel.regulation.targetKW == 1000)
        #expect(kernel.regulation.commandKW == 400)
        #expect(nearlyEqual(kernel.state.regulationKW[b1], 100) && nearlyEqual(kernel.state.regulationKW[b2], 300))
        #expect(kernel.regulationReserveFraction == 1)
    }

    @Test func staleSignalRampsRegulationToZeroAndBack() throws {
        let kernel = try fleet()   // TTL 12 s, fallback ramp 0.1 per second
        kernel.pushAward(100)
        kernel.pushSignal(1, sequence: 1, at: 0)
        var scales: [Double] = []
        var targets: [Double] = []
        var events: [(Int, KernelEvent.Code)] = []
        for second in 0...40 {
            if second == 30 { kernel.pushSignal(0.5, sequence: 2, at: 30) }
            regulate(kernel, at: Int64(second) * KernelFixture.second, elapsed: 1)
            scales.append(kernel.regulation.availabilityScale)
            targets.append(kernel.regulation.targetKW)
            events += kernel.drainEvents().map { (second, $0.code) }
        }
        // Fresh up to 12 s after the sample (not "older than" yet), stale from 13 s on.
        for second in 0...12 { #expect(scales[second] == 1, "at \(second) s") }
        for second in 13...22 { #expect(nearlyEqual(scales[second], 1 - 0.1 * Double(second - 12)), "at \(second) s") }
        for second in 23...29 { #expect(scales[second] == 0, "at \(second) s") }
        // A new sample at 30 s: back up at the same rate, full again at 39 s.
        for second in 30...39 { #expect(nearlyEqual(scales[second], 0.1 * Double(second - 29)), "at \(second) s") }
        #expect(scales[40] == 1)
        #expect(nearlyEqual(targets[13], 90))           // 1 × 100 kW × 0.9
        #expect(targets[25] == 0)
        #expect(nearlyEqual(targets[30], 5))            // 0.5 × 100 kW × 0.1
        #expect(kernel.regulation.signalStale == false)
        // The start is reported as the signal coming in; then one event per change.
        #expect(events.map(\.0) == [0, 13, 30])
        #expect(events.map(\.1) == [.regulationSignalResumed, .regulationSignalStale, .regulationSignalResumed])
    }

    @Test func operatorSwitchRampsRegulationDownAndUp() throws {
        let kernel = try fleet()
        kernel.pushAward(100)
        var scales: [Double] = []
        for second in 0...30 {
            kernel.pushSignal(1, sequence: UInt64(second + 1), at: Double(second))   // always fresh
            if second == 1 { kernel.pushCommand(.setRegulationEnabled(false)) }
            if second == 20 { kernel.pushCommand(.setRegulationEnabled(true)) }
            regulate(kernel, at: Int64(second) * KernelFixture.second, elapsed: 1)
            scales.append(kernel.regulation.availabilityScale)
        }
        #expect(scales[0] == 1)
        for second in 1...10 { #expect(nearlyEqual(scales[second], 1 - 0.1 * Double(second)), "at \(second) s") }
        for second in 11...19 { #expect(scales[second] == 0, "at \(second) s") }
        for second in 20...29 { #expect(nearlyEqual(scales[second], 0.1 * Double(second - 19)), "at \(second) s") }
        #expect(scales[30] == 1)
        #expect(kernel.drainEvents().with(.regulationSignalStale).isEmpty, "the signal itself never went stale")
    }

    @Test func aggregateSOCIsEnergyWeighted() throws {
        let kernel = try fleet()
        // B1 200 kWh at 0.4, B2 600 kWh at 0.6: (80 + 360) / 800 = 0.55.
        regulate(kernel, at: start) {
            $0.board.soc[$0.index(of: "B1")] = 0.4
            $0.board.soc[$0.index(of: "B2")] = 0.6
        }
        #expect(nearlyEqual(kernel.regulation.aggregateSOC, 0.55))
    }

    /// The delay model must use the set point issued `delay` ago; with no delay and no lag that is the
    /// last one published, which the device has been following for a whole period.
    @Test func delayModelUsesTheLastPublishedSetpointWhenThereIsNoDelay() throws {
        let kernel = try KernelFixture.kernel(resources: [KernelFixture.battery("Fast", kw: 100, delay: 0),
                                                    KernelFixture.battery("Slow", kw: 300, delay: 2)])
        let fast = kernel.index(of: "Fast"), slow = kernel.index(of: "Slow")
        // Publish a set point of k kW on cycle k (k = 0…29), for both batteries.
        for cycle in 0..<30 {
            kernel.state.setpointKW[fast] = Double(cycle)
            kernel.state.setpointKW[slow] = Double(cycle)
            kernel.cycle(at: Int64(cycle) * KernelFixture.period, .publish)
        }
        let now = 30 * KernelFixture.period
        kernel.writeNominalBoard(at: now)
        kernel.cycle(at: now, .snapshotTelemetry, .regulation)
        // Slow: 2 s = 20 cycles of delay, no lag → the set point of cycle 10.
        #expect(kernel.state.modelledKW[slow] == 10)
        // Fast: no delay, no lag → the set point of cycle 29, the last one issued.
        #expect(kernel.state.modelledKW[fast] == 29)
    }
}
