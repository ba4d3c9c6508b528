import OpenDSOTestSupport
import DSOKernel
import DSOModel
import Testing

/// Full `step` cycles on a small fleet whose devices follow their set points at once.
@Suite struct FullStepSmokeTests {
    /// One unmetered point: batteries of 100, 200 and 300 kW (0.2 s delay, 0.1 s lag) and a 150 kW load,
    /// scheduled at 150 kW so the base points stay near zero. Award 120 kW, signal 0.5 refreshed every 2 s.
    @Test func staleBatteryDropsOutWithinOneCycleAndOthersCarryTheRegulation() throws {
        let cost = MarginalCost(linearPerKWh: 0.02, quadraticPerKWhPerKW: 0.0001)
        let kernel = try KernelFixture.kernel(
            points: [KernelFixture.point(hasMeter: false)],
            resources: [KernelFixture.battery("B1", kw: 100, cost: cost, delay: 0.2, lag: 0.1),
                        KernelFixture.battery("B2", kw: 200, cost: cost, delay: 0.2, lag: 0.1),
                        KernelFixture.battery("B3", kw: 300, cost: cost, delay: 0.2, lag: 0.1),
                        KernelFixture.load("L", peakKW: 150)])
        let b1 = kernel.index(of: "B1"), b2 = kernel.index(of: "B2"), b3 = kernel.index(of: "B3")
        kernel.pushSchedule(from: 0, to: 3600, netImportKW: 150)
        kernel.pushAward(120)

        let frozenAt: Int64 = 10            // B1's last report is at cycle 10 (1.0 s)
        let firstStale: Int64 = 41          // 4.1 s − 1.0 s = 3.1 s > stale_after (3 s); 4.0 s is exactly 3 s
        for cycle in Int64(0)..<60 {
            let time = cycle * KernelFixture.period
            if cycle % 20 == 0 { kernel.pushSignal(0.5, sequence: UInt64(cycle / 20 + 1), at: Double(cycle) / 10) }
            for index in [b1, b2, b3] where index != b1 || cycle <= frozenAt {
                kernel.write(index, measured: kernel.setpoints.setpointKW[index], up: kernel.resources.maximumKW[index],
                             down: kernel.resources.minimumKW[index], soc: 0.5, at: time)
            }
            kernel.write(kernel.index(of: "L"), measured: -150, up: -150, down: -150, at: time)
            kernel.step(atNanoseconds: time)
            _ = kernel.drainEvents()

            let state = kernel.state
            #expect(nearlyEqual(kernel.regulation.targetKW, 60), "cycle \(cycle): 0.5 × 120 kW")
            // Headroom suffices (≥ 500 kW up and down): the shares add up to the command.
            let total = state.regulationKW[b1] + state.regulationKW[b2] + state.regulationKW[b3]
            #expect(nearlyEqual(total, kernel.regulation.commandKW, 1e-9), "cycle \(cycle)")
            if cycle < firstStale {
                #expect(kernel.health(b1) == .ok, "cycle \(cycle)")
                #expect(state.regulationKW[b1] > 0, "cycle \(cycle)")
            } else {
                #expect(kernel.health(b1) == .stale, "cycle \(cycle)")
                #expect(kernel.setpoints.isFallback[b1] && kernel.setpoints.setpointKW[b1] == 0, "cycle \(cycle)")
                #expect(state.regulationKW[b1] == 0, "cycle \(cycle)")
                #expect(nearlyEqual(state.regulationKW[b2] + state.regulationKW[b3], kernel.regulation.commandKW, 1e-9))
            }
        }
        #expect(kernel.counters.cycles == 60)
        var records = 0
        kernel.records.consume { record in
            records += 1
            #expect(record.controllableResources >= 2)
        }
        #expect(records == 60)
    }
}
