import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import Testing

/// Battery "B" (±100 kW, unlimited ramp), battery "R" (±100 kW, 10 kW/s), PV 50 kW, DR 60 kW, a load.
@Suite struct LimitsAndSafetyPhaseTests {
    let now = 100 * KernelFixture.second

    func area() throws -> ControlKernel {
        try KernelFixture.kernel(resources: [KernelFixture.battery("B"), KernelFixture.battery("R", ramp: 10), KernelFixture.pv("PV"),
                                       KernelFixture.demandResponse("DR", peakKW: 60), KernelFixture.load("L")])
    }

    /// Snapshots a fresh board (after `adjust`) so health is decided, then sets the base point and
    /// regulation share of `id` and runs the limits phase.
    func limit(_ kernel: ControlKernel, _ id: String, base: Double, regulation: Double, at time: Int64? = nil,
               adjust: (ControlKernel) -> Void = { _ in }) -> (setpoint: Double, regulation: Double) {
        let time = time ?? now
        kernel.writeNominalBoard(at: time)
        adjust(kernel)
        kernel.cycle(at: time, .snapshotTelemetry)
        let index = kernel.index(of: id)
        kernel.state.basePointKW[index] = base
        kernel.state.regulationKW[index] = regulation
        kernel.run(.limitsAndSafety)
        return (kernel.state.setpointKW[index], kernel.state.regulationKW[index])
    }

    @Test func clampsToTheRatingAndCorrectsTheRegulationShare() throws {
        let kernel = try area()
        let up = limit(kernel, "B", base: 90, regulation: 30)
        #expect(up.setpoint == 100 && up.regulation == 10)
        let down = limit(kernel, "B", base: -90, regulation: -30)
        #expect(down.setpoint == -100 && down.regulation == -10)
        let inside = limit(kernel, "B", base: 20, regulation: -5)
        #expect(inside.setpoint == 15 && inside.regulation == -5)
    }

    @Test func clampsToWhatIsAvailableNow() throws {
        let kernel = try area()
        let b = kernel.index(of: "B")
        let up = limit(kernel, "B", base: 50, regulation: 30) { $0.board.availableUpKW[b] = 60 }
        #expect(up.setpoint == 60 && up.regulation == 10)
        let down = limit(kernel, "B", base: -30, regulation: -30) { $0.board.availableDownKW[b] = -40 }
        #expect(down.setpoint == -40 && down.regulation == -10)
        // PV can be asked for no more than the sun gives (30 kW on the nominal board).
        let pv = limit(kernel, "PV", base: 50, regulation: 0)
        #expect(pv.setpoint == 30)
    }

    @Test func rampsFromThePreviousSetpoint() throws {
        let kernel = try area()
        // 10 kW/s over 0.1 s: at most 1 kW per cycle from the last set point (0 at start).
        var steps: [Double] = []
        for cycle in 0..<3 {
            steps.append(limit(kernel, "R", base: 50, regulation: 0, at: now + Int64(cycle) * KernelFixture.period).setpoint)
        }
        #expect(zip(steps, [1.0, 2, 3]).allSatisfy { nearlyEqual($0, $1) })
        let back = limit(kernel, "R", base: -50, regulation: 0, at: now + 3 * KernelFixture.period)
        #expect(nearlyEqual(back.setpoint, 2))
        // What the ramp held back is not regulation: the share is recorded as set point − base.
        #expect(nearlyEqual(back.regulation, 52))
    }

    @Test func hardSOCLimitsStopDischargeWhenEmptyAndChargeWhenFull() throws {
        let kernel = try area()
        let b = kernel.index(of: "B")
        let emptyDischarge = limit(kernel, "B", base: 50, regulation: 10) { $0.board.soc[b] = 0.05 }
        #expect(emptyDischarge.setpoint == 0 && emptyDischarge.regulation == -50)
        let emptyCharge = limit(kernel, "B", base: -30, regulation: 0) { $0.board.soc[b] = 0.04 }
        #expect(emptyCharge.setpoint == -30)
        let fullCharge = limit(kernel, "B", base: -50, regulation: 0) { $0.board.soc[b] = 0.95 }
        #expect(fullCharge.setpoint == 0)
        let fullDischarge = limit(kernel, "B", base: 40, regulation: 0) { $0.board.soc[b] = 0.96 }
        #expect(fullDischarge.setpoint == 40)
    }

    @Test func resourcesOutOfControlGetTheirDocumentedFallback() throws {
        let kernel = try area()
        let b = kernel.index(of: "B"), r = kernel.index(of: "R"), pv = kernel.index(of: "PV")
        let dr = kernel.index(of: "DR"), load = kernel.index(of: "L")
        kernel.writeNominalBoard(at: now)
        for index in [r, pv, dr] { kernel.board.timestampNanoseconds[index] = now - 10 * KernelFixture.second }
        kernel.cycle(at: now, .snapshotTelemetry)
        for index in 0..<kernel.resources.count {
            kernel.state.basePointKW[index] = -7
            kernel.state.regulationKW[index] = 3
        }
        kernel.run(.limitsAndSafety)
        #expect(kernel.state.setpointKW[r] == 0)        // battery: idle
        #expect(kernel.state.setpointKW[pv] == 50)      // PV: its rating, curtailment released
        #expect(kernel.state.setpointKW[dr] == -60)     // DR: its minimum, no curtailment
        #expect(kernel.state.setpointKW[load] == 0)     // load: never controlled
        #expect(kernel.state.setpointKW[b] == -4)       // the healthy battery: −7 + 3
        for index in [r, pv, dr, load] { #expect(kernel.state.regulationKW[index] == 0) }
        for index in [r, pv, dr, load] {
            #expect(kernel.state.setpointKW[index] == ControlKernel.fallbackSetpointKW(kernel.resources, index))
        }
    }
}
