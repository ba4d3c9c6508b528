import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import Testing

/// Board used throughout: battery discharging 20 kW, PV producing 30 kW, load consuming 80 kW, so the
/// members' own sum says the area imports 80 − 20 − 30 = 30 kW.
@Suite struct NettingPhaseTests {
    let now = 100 * KernelFixture.second

    func writeBoard(_ kernel: ControlKernel, at time: Int64, meter: Double? = nil, meterAge: Int64 = 0) {
        kernel.writeNominalBoard(at: time)
        kernel.board.measuredKW[kernel.index(of: "B")] = 20
        if let meter { kernel.writeMeter(netImportKW: meter, at: time - meterAge) }
    }

    func net(_ kernel: ControlKernel, at time: Int64, elapsed: Double = 0.1) {
        kernel.cycle(at: time, elapsed: elapsed, .drainInbound, .snapshotTelemetry, .netting)
    }

    @Test func freshMeterGivesTheNet() throws {
        let kernel = try KernelFixture.basic()
        writeBoard(kernel, at: now, meter: 32)
        net(kernel, at: now)
        #expect(kernel.interfacePoints.netImportKW[0] == 32)
        #expect(!kernel.flags().contains(.meterUnavailable))
        // Uncontrolled = net + controllable output = 32 + 20 + 30 = 82 kW (first cycle: no smoothing yet).
        #expect(kernel.interfacePoints.uncontrolledKW[0] == 82)
    }

    @Test func staleMeterFallsBackToTheMembersAndIsFlagged() throws {
        let kernel = try KernelFixture.basic()
        writeBoard(kernel, at: now, meter: 32, meterAge: 5 * KernelFixture.second)
        net(kernel, at: now)
        #expect(kernel.interfacePoints.netImportKW[0] == 30)
        #expect(kernel.flags().contains(.meterUnavailable))
    }

    @Test func pointWithoutMeterUsesTheMembers() throws {
        let kernel = try KernelFixture.basic(hasMeter: false)
        writeBoard(kernel, at: now, meter: 999)   // a value on the board is ignored: there is no meter
        net(kernel, at: now)
        #expect(kernel.interfacePoints.netImportKW[0] == 30)
        // Uncontrolled = 30 + 20 + 30 = 80 kW: exactly the load.
        #expect(kernel.interfacePoints.uncontrolledKW[0] == 80)
    }

    @Test func memberWithoutMeasurementCountsAtItsLastSetpoint() throws {
        let kernel = try KernelFixture.basic(hasMeter: false)
        writeBoard(kernel, at: now)
        kernel.board.measuredKW[kernel.index(of: "PV")] = .nan
        net(kernel, at: now)
        // The PV's set point is its 50 kW fallback: net = 80 − 20 − 50 = 10 kW.
        #expect(kernel.interfacePoints.netImportKW[0] == 10)
    }

    @Test func deviationAndACE() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 25)
        writeBoard(kernel, at: now, meter: 32)
        // Last cycle the battery was asked for 10 kW of regulation (generation-positive: import should
        // be 10 kW lower than the schedule).
        kernel.state.regulationKW[kernel.index(of: "B")] = 10
        net(kernel, at: now)
        let points = kernel.interfacePoints
        #expect(points.scheduledKW[0] == 25)
        #expect(points.deviationKW[0] == 7)            // 32 − 25
        #expect(points.regulationRequestKW[0] == 10)
        #expect(points.aceKW[0] == 17)                 // 7 + 10
        #expect(kernel.flags().isEmpty)
    }

    @Test func aceIsZeroWhenTheAreaDeliversTheRegulationAsked() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 25)
        writeBoard(kernel, at: now, meter: 15)
        kernel.state.regulationKW[kernel.index(of: "B")] = 10
        net(kernel, at: now)
        #expect(kernel.interfacePoints.deviationKW[0] == -10)
        #expect(kernel.interfacePoints.aceKW[0] == 0)
    }

    @Test func missingScheduleUsesTheNetAndIsFlagged() throws {
        let kernel = try KernelFixture.basic()
        writeBoard(kernel, at: now, meter: 32)
        net(kernel, at: now)
        #expect(kernel.interfacePoints.scheduledKW[0] == 32)
        #expect(kernel.interfacePoints.deviationKW[0] == 0)
        #expect(kernel.flags().contains(.scheduleMissing))

        // After the only interval ends its value holds, still flagged.
        kernel.pushSchedule(from: 0, to: 100.5, netImportKW: 25)
        writeBoard(kernel, at: now, meter: 32)
        net(kernel, at: now)
        #expect(kernel.interfacePoints.scheduledKW[0] == 25 && !kernel.flags().contains(.scheduleMissing))
        writeBoard(kernel, at: now + KernelFixture.second, meter: 32)
        net(kernel, at: now + KernelFixture.second)
        #expect(kernel.interfacePoints.scheduledKW[0] == 25)
        #expect(kernel.flags().contains(.scheduleMissing))
    }

    @Test func outOfBandFlagEventsAndStatistics() throws {
        let kernel = try KernelFixture.basic()   // band 50 kW
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 25)
        // Meter readings and the resulting ACE (no regulation asked): 0, 60, 65, 5, 50 (on the band edge).
        let meters: [Double] = [25, 85, 90, 30, 75]
        var codes: [[KernelEvent.Code]] = []
        var outOfBand: [Bool] = []
        for (cycle, meter) in meters.enumerated() {
            let time = now + Int64(cycle) * KernelFixture.second / 2
            writeBoard(kernel, at: time, meter: meter)
            net(kernel, at: time, elapsed: 0.5)
            outOfBand.append(kernel.flags().contains(.outOfBand))
            codes.append(kernel.drainEvents().map(\.code))
        }
        #expect(outOfBand == [false, true, true, false, false])
        #expect(codes == [[], [.interfaceOutOfBand], [], [.interfaceBackInBand], []])
        let points = kernel.interfacePoints
        #expect(points.deviationSumKW[0] == 0 + 60 + 65 + 5 + 50)
        #expect(points.deviationSquareSumKW2[0] == 3600 + 4225 + 25 + 2500)
        #expect(points.deviationMaxAbsKW[0] == 65)
        #expect(points.secondsOutOfBand[0] == 1.0)      // two cycles of 0.5 s
        #expect(points.sampleCount[0] == 5)
    }

    @Test func outOfBandEventCarriesACEAndBand() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 25)
        writeBoard(kernel, at: now, meter: -35)
        net(kernel, at: now)
        let event = try #require(kernel.drainEvents().with(.interfaceOutOfBand).first)
        #expect(event.value == -60 && event.detail == 50 && event.subject == 0)
    }

    @Test func limitFlagsAndEvents() throws {
        let kernel = try KernelFixture.basic()   // import and export limits 1000 kW
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 0)
        let meters: [Double] = [1000, 1200, -1100, 0]
        var flags: [InterfacePointFlags] = []
        var codes: [[KernelEvent.Code]] = []
        for (cycle, meter) in meters.enumerated() {
            let time = now + Int64(cycle) * KernelFixture.second
            writeBoard(kernel, at: time, meter: meter)
            net(kernel, at: time, elapsed: 1)
            flags.append(kernel.flags().intersection([.importLimitExceeded, .exportLimitExceeded]))
            codes.append(kernel.drainEvents().map(\.code).filter { $0 == .interfaceLimitExceeded || $0 == .interfaceBackInsideLimits })
        }
        #expect(flags == [[], [.importLimitExceeded], [.exportLimitExceeded], []])
        // Import → export without passing inside the limits is one excursion: one event each way.
        #expect(codes == [[], [.interfaceLimitExceeded], [], [.interfaceBackInsideLimits]])
        #expect(kernel.interfacePoints.secondsOutsideLimits[0] == 2)
    }

    @Test func uncontrolledLoadIsSmoothed() throws {
        let kernel = try KernelFixture.basic(hasMeter: false)   // base-load filter 4 s
        writeBoard(kernel, at: now)
        net(kernel, at: now)
        #expect(kernel.interfacePoints.uncontrolledKW[0] == 80)
        // The load steps from 80 to 60 kW; with dt = 1 s the filter moves 1/(4 + 1) of the way: 76 kW.
        writeBoard(kernel, at: now + KernelFixture.second)
        kernel.board.measuredKW[kernel.index(of: "L")] = -60
        net(kernel, at: now + KernelFixture.second, elapsed: 1)
        #expect(nearlyEqual(kernel.interfacePoints.uncontrolledKW[0], 76))
        #expect(kernel.interfacePoints.netImportKW[0] == 10, "the net itself is not smoothed")
    }

    /// `KernelEvent.Code.meterUnavailable` / `.meterRecovered` exist for exactly this change of state.
    @Test func meterGoingStaleAndComingBackIsReportedOnceEachWay() throws {
        let kernel = try KernelFixture.basic()
        var codes: [[KernelEvent.Code]] = []
        for (cycle, meterAge) in [0, 5, 5, 0].enumerated() {
            let time = now + Int64(cycle) * KernelFixture.period
            writeBoard(kernel, at: time, meter: 32, meterAge: Int64(meterAge) * KernelFixture.second)
            net(kernel, at: time)
            codes.append(kernel.drainEvents().map(\.code).filter { $0 == .meterUnavailable || $0 == .meterRecovered })
        }
        #expect(codes == [[], [.meterUnavailable], [], [.meterRecovered]])
    }
}
