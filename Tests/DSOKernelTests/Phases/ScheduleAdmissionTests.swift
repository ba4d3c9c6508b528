import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import DSORuntime
import Testing

/// What the kernel answers for each schedule entry it drains (issue 14, finding 4): every verdict goes out on
/// `scheduleOutcomes`, with its producer, so nothing is "accepted" by whoever answered and then dropped.
@Suite struct ScheduleAdmissionTests {
    func drain(_ kernel: ControlKernel, at seconds: Double) -> [ScheduleOutcome] {
        kernel.cycle(at: KernelFixture.nanoseconds(seconds), .drainInbound)
        var outcomes: [ScheduleOutcome] = []
        kernel.scheduleOutcomes.drain { outcomes.append($0) }
        return outcomes
    }

    @Test func aThousandFutureEntriesGetAThousandTruthfulVerdicts() throws {
        let kernel = try KernelFixture.basic()   // 512 intervals per interface point and layer
        let ring = kernel.inbound.ring(.api)
        for index in 0..<1000 {
            let start = 100 + Double(index) * 60
            let entry = ScheduleEntry(interfacePoint: 0, startSeconds: start, endSeconds: start + 60, netImportKW: 10,
                                      layer: .operatorOverride, ticket: UInt32(index))
            #expect(ring.push(.schedule(entry)))
        }
        let outcomes = drain(kernel, at: 10)
        #expect(outcomes.count == 1000)
        #expect(outcomes.map(\.entry.ticket) == (0..<1000).map { UInt32($0) }, "in drain order, one per entry")
        #expect(outcomes.allSatisfy { $0.producer == .api })
        let accepted = outcomes.filter(\.verdict.isAccepted)
        #expect(accepted.count == 512)
        #expect(outcomes.filter { $0.verdict == .tableFull }.count == 488)
        #expect(kernel.counters.refusedSchedules == 488)
        #expect(kernel.interfacePoints.schedule(0, .operatorOverride).count == 512)
        #expect(kernel.interfacePoints.schedule(0, .dayAhead).count == 0, "other layers keep their room")
    }

    @Test func eachRefusalSaysWhy() throws {
        let kernel = try KernelFixture.basic()
        let entries: [(ScheduleEntry, ScheduleOutcome.Verdict)] = [
            (ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: 1e300, netImportKW: 1), .beyondHorizon),
            (ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: 5, netImportKW: 1), .alreadyEnded),
            (ScheduleEntry(interfacePoint: 3, startSeconds: 20, endSeconds: 30, netImportKW: 1), .unknownInterfacePoint),
            (ScheduleEntry(interfacePoint: 0, startSeconds: 20, endSeconds: 30, netImportKW: .infinity), .invalidValues),
            (ScheduleEntry(interfacePoint: 0, startSeconds: 20, endSeconds: 30, netImportKW: 1), .accepted),
            (ScheduleEntry(interfacePoint: 0, startSeconds: 20, endSeconds: 40, netImportKW: 2), .replaced),
        ]
        for (entry, _) in entries { #expect(kernel.inbound.ring(.isoLink).push(.schedule(entry))) }
        let outcomes = drain(kernel, at: 10)
        #expect(outcomes.map(\.verdict) == entries.map(\.1))
        #expect(outcomes.allSatisfy { $0.producer == .isoLink && $0.timeSeconds == 10 })
        #expect(kernel.counters.refusedSchedules == 4)
        #expect(kernel.drainEvents().filter { $0.code == .scheduleRefused }.count == 4)
        // The 1e300 interval holds no slot.
        #expect(kernel.interfacePoints.schedule(0, .dayAhead).count == 1)
    }

    @Test func verdictsTheReaderDoesNotTakeAreCounted() throws {
        // Rings of 4: the outcomes ring holds 5 × 4 = 20 verdicts, rounded up to 32; nobody reads it here.
        let model = try SubstationModel(interfacePoints: [KernelFixture.point()], resources: [KernelFixture.battery("B")])
        let kernel = try ControlKernel(model: model, inbound: InboundPort(defaultCapacity: 4))
        #expect(kernel.scheduleOutcomes.capacity == 32)
        for round in 0..<10 {
            for index in 0..<4 {
                let start = 100 + Double(round * 4 + index)
                let entry = ScheduleEntry(interfacePoint: 0, startSeconds: start, endSeconds: start + 1, netImportKW: 1)
                #expect(kernel.inbound.ring(.scheduleFiles).push(.schedule(entry)))
            }
            kernel.cycle(at: KernelFixture.nanoseconds(10 + Double(round)), .drainInbound)
        }
        #expect(kernel.counters.droppedScheduleOutcomes == 8)
        #expect(kernel.interfacePoints.schedule(0, .dayAhead).count == 40, "the entries themselves are all taken")
    }
}
