import OpenDSOTestSupport
import DSOKernel
import DSOModel
import Testing

@Suite struct RecordPhaseTests {
    /// One full cycle at t = 0 with schedule 25 kW, award 50 kW, signal 0.4 and a meter reading 40 kW.
    func oneCycle(recordFrames: Int = 64) throws -> ControlKernel {
        let kernel = try KernelFixture.basic(recordFrames: recordFrames)
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 25)
        kernel.pushAward(50)
        kernel.pushSignal(0.4, sequence: 1, at: 0)
        kernel.writeNominalBoard(at: 0)
        kernel.writeMeter(netImportKW: 40, at: 0)
        kernel.step(atNanoseconds: 0)
        return kernel
    }

    func consumeAll(_ kernel: ControlKernel) -> [(cycle: Int64, time: Double)] {
        var seen: [(Int64, Double)] = []
        kernel.records.consume { seen.append(($0.cycleIndex, $0.timeSeconds)) }
        return seen
    }

    @Test func recordCarriesTheCycleValues() throws {
        let kernel = try oneCycle()
        var count = 0
        kernel.records.consume { record in
            count += 1
            #expect(record.cycleIndex == 0 && record.timeSeconds == 0)
            #expect(record.signal == 0.4 && record.awardKW == 50)
            #expect(nearlyEqual(record.regulationTargetKW, 20))          // 0.4 × 50, link fresh
            #expect(record.regulationTargetKW == kernel.regulation.targetKW)
            #expect(record.regulationCommandKW == kernel.regulation.commandKW)
            #expect(record.regulationResponseKW == kernel.regulation.responseKW)
            #expect(record.regulationAvailableUpKW == 100 && record.regulationAvailableDownKW == 100)
            #expect(record.aggregateSOC == 0.5)
            #expect(record.setpointDigest == kernel.setpointDigest)
            #expect(record.netImportKW[0] == 40)
            #expect(record.scheduledKW[0] == 25)
            #expect(record.aceKW[0] == 15)                         // 40 − 25, no regulation asked before
            #expect(record.regulationRequestKW[0] == 0)
            #expect(record.flags[0] == kernel.interfacePoints.flags[0])
        }
        #expect(count == 1)
        #expect(kernel.counters.droppedRecords == 0)
    }

    /// Controllable means dispatchable and healthy, as the publish phase marks it (`isFallback`): the
    /// battery and the PV are, the load never is.
    @Test func controllableCountMatchesThePublishedFallbacks() throws {
        let kernel = try oneCycle()
        let notFallback = (0..<kernel.resources.count).filter { !kernel.setpoints.isFallback[$0] }.count
        #expect(notFallback == 2)
        var controllable: [Int] = []
        kernel.records.consume { controllable.append($0.controllableResources) }
        #expect(controllable == [notFallback])
    }

    @Test func cycleGoesOnWhenTheRecorderFallsBehind() throws {
        let kernel = try oneCycle(recordFrames: 4)
        for cycle in 1..<6 {
            let time = Int64(cycle) * KernelFixture.period
            kernel.writeNominalBoard(at: time)
            kernel.writeMeter(netImportKW: 40, at: time)
            kernel.step(atNanoseconds: time)
        }
        // Six cycles, four frames, nobody consuming: two records dropped, control unaffected.
        #expect(kernel.counters.cycles == 6)
        #expect(kernel.counters.droppedRecords == 2)
        #expect(kernel.setpoints.sequence == 6)
        #expect(kernel.setpoints.validUntilNanoseconds[0] == 5 * KernelFixture.period + 5 * KernelFixture.second)
        #expect(consumeAll(kernel).map(\.cycle) == [0, 1, 2, 3])

        // Frames returned: the next cycle is recorded again.
        kernel.writeNominalBoard(at: 6 * KernelFixture.period)
        kernel.step(atNanoseconds: 6 * KernelFixture.period)
        #expect(consumeAll(kernel).map(\.cycle) == [6])
        #expect(kernel.counters.droppedRecords == 2)
    }
}
