import OpenDSOTestSupport
import DSOKernel
import DSOModel
import Testing

@Suite struct TelemetrySnapshotPhaseTests {
    /// Snapshots at 100 s; stale_after is the default 3 s.
    let now = 100 * KernelFixture.second

    func snapshot(_ kernel: ControlKernel, at nanoseconds: Int64? = nil, elapsed: Double = 0.1) {
        kernel.cycle(at: nanoseconds ?? now, elapsed: elapsed, .snapshotTelemetry)
    }

    @Test func freshPlausibleTelemetryIsOK() throws {
        let kernel = try KernelFixture.basic()
        kernel.writeNominalBoard(at: now)
        snapshot(kernel)
        #expect((0..<3).allSatisfy { kernel.health($0) == .ok })
        #expect(kernel.image.measuredKW[kernel.index(of: "PV")] == 30, "the board is copied into the image")
    }

    @Test func ageDecidesStaleness() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B"), pv = kernel.index(of: "PV"), load = kernel.index(of: "L")
        kernel.writeNominalBoard(at: now)
        kernel.board.timestampNanoseconds[battery] = now - 3 * KernelFixture.second              // exactly stale_after: still fresh
        kernel.board.timestampNanoseconds[pv] = now - 3 * KernelFixture.second - 1_000_000     // 3.001 s old
        kernel.board.timestampNanoseconds[load] = .min                                   // never reported
        snapshot(kernel)
        #expect(kernel.health(battery) == .ok)
        #expect(kernel.health(pv) == .stale)
        #expect(kernel.health(load) == .stale)
    }

    @Test func implausibleValuesAreInvalid() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B"), pv = kernel.index(of: "PV"), load = kernel.index(of: "L")
        kernel.writeNominalBoard(at: now)
        kernel.board.measuredKW[pv] = .nan
        kernel.board.availableUpKW[load] = .infinity
        kernel.board.soc[battery] = .nan
        snapshot(kernel)
        #expect(kernel.health(pv) == .invalid)
        #expect(kernel.health(load) == .invalid)
        #expect(kernel.health(battery) == .invalid)
    }

    @Test func measuredPowerFarOutsideTheRatingIsInvalid() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B"), pv = kernel.index(of: "PV")
        // Battery ±100 kW: tolerance 5 % of the 200 kW span + 1 kW = 11 kW, so 105 kW passes (meter noise,
        // overload) but 150 kW does not. PV 0…50 kW: tolerance 3.5 kW, −20 kW is far outside.
        kernel.writeNominalBoard(at: now)
        kernel.board.measuredKW[battery] = 105
        snapshot(kernel)
        #expect(kernel.health(battery) == .ok)
        kernel.writeNominalBoard(at: now + KernelFixture.period)
        kernel.board.measuredKW[battery] = 150
        kernel.board.measuredKW[pv] = -20
        snapshot(kernel, at: now + KernelFixture.period)
        #expect(kernel.health(battery) == .invalid)
        #expect(kernel.health(pv) == .invalid)
    }

    @Test func batterySOCOutsideZeroToOneIsInvalid() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B")
        kernel.writeNominalBoard(at: now)
        kernel.board.soc[battery] = 1.2
        snapshot(kernel)
        #expect(kernel.health(battery) == .invalid)
    }

    @Test func faultCodeMarksFault() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B")
        kernel.writeNominalBoard(at: now)
        kernel.board.faultCode[battery] = 7
        snapshot(kernel)
        #expect(kernel.health(battery) == .fault)
    }

    @Test func healthChangesRaiseEventsButTheFirstOKVerdictDoesNot() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B")
        var time = now
        kernel.writeNominalBoard(at: time)
        snapshot(kernel, at: time)
        #expect(kernel.drainEvents().isEmpty, "a start is not a recovery")

        // The battery stops reporting; the others keep going.
        let lastReport = time
        for _ in 0..<40 {
            time += KernelFixture.period
            kernel.writeNominalBoard(at: time)
            kernel.board.timestampNanoseconds[battery] = lastReport
            snapshot(kernel, at: time)
        }
        // 4 s without telemetry: stale from the cycle 3.1 s after the last report, one event only.
        let down = kernel.drainEvents()
        #expect(down.count == 1)
        #expect(down.first?.code == .resourceUnavailable && down.first?.subject == Int32(battery))
        #expect(down.first?.value == Double(ResourceHealth.stale.rawValue))
        #expect(down.first.map { nearlyEqual($0.timeSeconds, 103.1) } == true)
        #expect(kernel.state.unavailableCycles[battery] == 10)   // 103.1 … 104.0 s

        time += KernelFixture.period
        kernel.writeNominalBoard(at: time)
        snapshot(kernel, at: time)
        #expect(kernel.health(battery) == .ok)
        let up = kernel.drainEvents()
        #expect(up.map(\.code) == [.resourceRecovered])
        #expect(up.first?.value == Double(ResourceHealth.ok.rawValue))
    }

    @Test func firstVerdictThatIsNotOKIsReported() throws {
        let kernel = try KernelFixture.basic()
        let pv = kernel.index(of: "PV")
        kernel.writeNominalBoard(at: now)
        kernel.board.timestampNanoseconds[pv] = .min
        snapshot(kernel)
        let events = kernel.drainEvents()
        #expect(events.map(\.code) == [.resourceUnavailable])
        #expect(events.first?.subject == Int32(pv))
    }

    @Test func energyIsIntegratedFromMeasuredPower() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B"), pv = kernel.index(of: "PV")
        // 60 kW for 60 s = 1 kWh delivered.
        kernel.writeNominalBoard(at: now)
        kernel.board.measuredKW[battery] = 60
        snapshot(kernel, elapsed: 60)
        #expect(nearlyEqual(kernel.state.energyOutKWh[battery], 1.0, 1e-12))
        #expect(kernel.state.energyInKWh[battery] == 0)
        // −100 kW for 36 s = 1 kWh absorbed; delivered energy unchanged.
        kernel.writeNominalBoard(at: now + 36 * KernelFixture.second)
        kernel.board.measuredKW[battery] = -100
        snapshot(kernel, at: now + 36 * KernelFixture.second, elapsed: 36)
        #expect(kernel.health(battery) == .ok)
        #expect(nearlyEqual(kernel.state.energyInKWh[battery], 1.0, 1e-12))
        #expect(nearlyEqual(kernel.state.energyOutKWh[battery], 1.0, 1e-12))
        // PV made 30 kW for 60 s + 36 s = 0.8 kWh.
        #expect(nearlyEqual(kernel.state.energyOutKWh[pv], 0.8, 1e-12))
    }

    @Test func staleResourceIsNotIntegrated() throws {
        let kernel = try KernelFixture.basic()
        let pv = kernel.index(of: "PV")
        kernel.writeNominalBoard(at: now)
        kernel.board.timestampNanoseconds[pv] = now - 10 * KernelFixture.second
        snapshot(kernel, elapsed: 60)
        #expect(kernel.state.energyOutKWh[pv] == 0)
        #expect(kernel.state.unavailableCycles[pv] == 1)
    }

    @Test func meterValueIsKeptOnlyWhileFresh() throws {
        let kernel = try KernelFixture.basic()
        kernel.writeNominalBoard(at: now)
        kernel.writeMeter(netImportKW: 42, at: now - 2 * KernelFixture.second)
        snapshot(kernel)
        #expect(kernel.image.meterNetImportKW[0] == 42)

        kernel.writeMeter(netImportKW: 42, at: now - 4 * KernelFixture.second)
        snapshot(kernel)
        #expect(kernel.image.meterNetImportKW[0].isNaN)
        #expect(kernel.board.meterNetImportKW[0] == 42, "the board itself is not touched")

        kernel.writeMeter(netImportKW: 42, at: .min)
        snapshot(kernel)
        #expect(kernel.image.meterNetImportKW[0].isNaN)
    }
}
