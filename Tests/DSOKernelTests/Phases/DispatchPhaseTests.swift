import OpenDSOTestSupport
import DSOKernel
import DSOModel
import Testing

/// One unmetered interface point: a load of 300 kW that must be balanced by two batteries with
/// quadratic costs, B1 (±200 kW, 0.02 + 0.001·p $/kWh, 400 kWh) and B2 (±400 kW, 0.04 + 0.0005·p, 800 kWh).
/// Award 0 (no reserve) and SOC 0.5 at the band centre (no cost shift, no band use) unless a test says so.
///
/// Equal incremental cost: p1 = (λ − 0.02)/0.001 = 1000λ − 20, p2 = (λ − 0.04)/0.0005 = 2000λ − 80,
/// so p1 + p2 = 3000λ − 100.
@Suite struct DispatchPhaseTests {
    let now = 100 * KernelFixture.second

    func area(importLimitKW: Double = 1000, exportLimitKW: Double = 1000, loadKW: Double = 300) throws -> ControlKernel {
        let kernel = try KernelFixture.kernel(
            points: [KernelFixture.point(importLimitKW: importLimitKW, exportLimitKW: exportLimitKW, hasMeter: false)],
            resources: [
                KernelFixture.battery("B1", kw: 200, cost: MarginalCost(linearPerKWh: 0.02, quadraticPerKWhPerKW: 0.001)),
                KernelFixture.battery("B2", kw: 400, cost: MarginalCost(linearPerKWh: 0.04, quadraticPerKWhPerKW: 0.0005)),
                KernelFixture.load("L", peakKW: max(loadKW, 80)),
            ])
        kernel.writeNominalBoard(at: now)
        kernel.board.measuredKW[kernel.index(of: "L")] = -loadKW
        return kernel
    }

    func dispatch(_ kernel: ControlKernel, at time: Int64? = nil) {
        kernel.cycle(at: time ?? now, .drainInbound, .snapshotTelemetry, .netting, .regulation, .dispatch)
    }

    func basePoints(_ kernel: ControlKernel) -> (Double, Double) {
        (kernel.state.basePointKW[kernel.index(of: "B1")], kernel.state.basePointKW[kernel.index(of: "B2")])
    }

    @Test func basePointsMeetTheScheduleAtEqualIncrementalCost() throws {
        let kernel = try area()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 100)
        dispatch(kernel)
        // Uncontrolled 300 kW, schedule 100 kW: the batteries supply 200 kW.
        // 3000λ − 100 = 200 ⇒ λ = 0.1 ⇒ p1 = 80, p2 = 120 (both at 0.1 $/kWh, inside their limits).
        #expect(kernel.interfacePoints.uncontrolledKW[0] == 300)
        #expect(kernel.interfacePoints.socOffsetKW[0] == 0)
        let (p1, p2) = basePoints(kernel)
        #expect(nearlyEqual(p1, 80, 1e-6) && nearlyEqual(p2, 120, 1e-6))
        #expect(nearlyEqual(0.02 + 0.001 * p1, 0.04 + 0.0005 * p2, 1e-9))
        #expect(!kernel.flags().contains(.scheduleInfeasible))
        #expect(kernel.drainEvents().with(.dispatchInfeasible).isEmpty)
    }

    @Test func socAwayFromCentreShiftsCostAndUsesTheBand() throws {
        let kernel = try area()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 100)
        kernel.board.soc[kernel.index(of: "B1")] = 0.3
        dispatch(kernel)
        // B1 at SOC 0.3: centre 0.5, half-width 0.3 → cost + 0.05 · 0.2/0.3 = 0.053333 $/kWh linear.
        // Deficit outside the 0.05 dead band: 0.15 · 400 kWh = 60 kWh over 0.5 h = 120 kW, capped at
        // 0.6 · 50 kW band = 30 kW more import. Target 300 − (100 + 30) = 170 kW:
        // (1000λ − 53.333) + (2000λ − 80) = 170 ⇒ λ = 0.1011111 ⇒ p1 = 47.778, p2 = 122.222.
        #expect(nearlyEqual(kernel.interfacePoints.socOffsetKW[0], 30))
        let (p1, p2) = basePoints(kernel)
        #expect(nearlyEqual(p1, 303.3333333 / 3 - 53.3333333, 1e-5))
        #expect(nearlyEqual(p2, 2 * 303.3333333 / 3 - 80, 1e-5))
        #expect(nearlyEqual(p1 + p2, 170, 1e-6))
    }

    @Test func regulationReserveIsHeldBackFromTheBasePoints() throws {
        let kernel = try area()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: -500)   // asks for 800 kW: more than allowed
        kernel.pushAward(120)
        kernel.pushSignal(0, sequence: 1, at: 100)
        dispatch(kernel)
        // Reserve 120/600 = 0.2 of each rating: B1 limited to 160, B2 to 320.
        #expect(nearlyEqual(kernel.regulationReserveFraction, 0.2))
        let (p1, p2) = basePoints(kernel)
        #expect(nearlyEqual(p1, 160) && nearlyEqual(p2, 320))
    }

    @Test func infeasibleScheduleLeavesDevicesAtTheirLimitsAndIsReported() throws {
        let kernel = try area()
        kernel.pushSchedule(from: 0, to: 110, netImportKW: -500)
        kernel.pushSchedule(from: 110, to: 900, netImportKW: 100)
        dispatch(kernel)
        // Exporting 500 kW needs 800 kW from batteries that can give 600.
        let (p1, p2) = basePoints(kernel)
        #expect(p1 == 200 && p2 == 400)
        #expect(kernel.flags().contains(.scheduleInfeasible))
        #expect(!kernel.flags().contains(.interfaceLimitInfeasible))
        #expect(kernel.interfacePoints.dispatchInfeasible[0])
        #expect(kernel.counters.infeasibleCycles == 1 && kernel.interfacePoints.infeasibleCycles[0] == 1)
        let event = try #require(kernel.drainEvents().with(.dispatchInfeasible).first)
        #expect(event.subject == 0 && nearlyEqual(event.value, 600) && nearlyEqual(event.detail, 800))

        // Still infeasible: no second event.
        kernel.writeNominalBoard(at: now + KernelFixture.period)
        kernel.board.measuredKW[kernel.index(of: "L")] = -300
        dispatch(kernel, at: now + KernelFixture.period)
        #expect(kernel.drainEvents().with(.dispatchInfeasible).isEmpty)
        #expect(kernel.counters.infeasibleCycles == 2)

        // The next interval is feasible again.
        let later = now + 11 * KernelFixture.second
        kernel.writeNominalBoard(at: later)
        kernel.board.measuredKW[kernel.index(of: "L")] = -300
        dispatch(kernel, at: later)
        #expect(!kernel.flags().contains(.scheduleInfeasible))
        #expect(kernel.drainEvents().map(\.code).contains(.dispatchFeasibleAgain))
        #expect(kernel.counters.infeasibleCycles == 2)
        let (q1, q2) = basePoints(kernel)
        #expect(nearlyEqual(q1, 80, 1e-6) && nearlyEqual(q2, 120, 1e-6))
    }

    @Test func importLimitOutranksTheSchedule() throws {
        let kernel = try area(importLimitKW: 250)
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 300)   // would leave the batteries idle
        dispatch(kernel)
        // Import ≤ 250 kW needs at least 300 − 250 = 50 kW from the batteries:
        // 3000λ − 100 = 50 ⇒ λ = 0.05 ⇒ p1 = 30, p2 = 20.
        let (p1, p2) = basePoints(kernel)
        #expect(nearlyEqual(p1, 30, 1e-6) && nearlyEqual(p2, 20, 1e-6))
        #expect(kernel.flags().contains(.scheduleInfeasible))
        #expect(!kernel.flags().contains(.interfaceLimitInfeasible))
    }

    @Test func exportLimitOutranksTheSchedule() throws {
        let kernel = try area(exportLimitKW: 100)
        kernel.pushSchedule(from: 0, to: 900, netImportKW: -500)
        dispatch(kernel)
        // Export ≤ 100 kW caps the batteries at 300 + 100 = 400 kW:
        // 3000λ − 100 = 400 ⇒ λ = 1/6 ⇒ p1 = 146.67, p2 = 253.33.
        let (p1, p2) = basePoints(kernel)
        #expect(nearlyEqual(p1, 1000.0 / 6 - 20, 1e-6) && nearlyEqual(p2, 2000.0 / 6 - 80, 1e-6))
        #expect(kernel.flags().contains(.scheduleInfeasible))
    }

    @Test func interfaceLimitThatDevicesCannotHoldIsFlagged() throws {
        let kernel = try area(importLimitKW: 250, loadKW: 1000)
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 250)
        dispatch(kernel)
        // 1000 − 250 = 750 kW needed, 600 kW available.
        let (p1, p2) = basePoints(kernel)
        #expect(p1 == 200 && p2 == 400)
        #expect(kernel.flags().isSuperset(of: [.scheduleInfeasible, .interfaceLimitInfeasible]))
    }

    @Test func unavailableBatteryIsLeftAtItsFallbackAndTheOtherCovers() throws {
        let kernel = try area()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 100)
        kernel.board.faultCode[kernel.index(of: "B1")] = 1
        dispatch(kernel)
        let (p1, p2) = basePoints(kernel)
        #expect(p1 == 0)
        #expect(nearlyEqual(p2, 200, 1e-6))
    }
}
