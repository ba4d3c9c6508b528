import DSOKernel
import DSOModel
import DSOScenario
import OpenDSOTestSupport
import Testing

/// Every field of a cycle record, with doubles as bit patterns so NaN compares equal to itself.
struct RecordValues: Equatable {
    var cycleIndex: Int64
    var scalars: [UInt64]
    var controllableResources: Int
    var setpointDigest: UInt64
    var columns: [[UInt64]]
    var flags: [UInt8]

    init(_ record: CycleRecord) {
        cycleIndex = record.cycleIndex
        scalars = [record.timeSeconds, record.signal, record.awardKW, record.regulationTargetKW,
                   record.regulationCommandKW, record.regulationResponseKW, record.regulationAvailableUpKW,
                   record.regulationAvailableDownKW, record.aggregateSOC].map(\.bitPattern)
        controllableResources = record.controllableResources
        setpointDigest = record.setpointDigest
        columns = [record.netImportKW, record.scheduledKW, record.aceKW, record.regulationRequestKW].map { column in
            (0..<column.count).map { column[$0].bitPattern }
        }
        flags = (0..<record.flags.count).map { record.flags[$0] }
    }
}

struct EventValues: Equatable {
    var code: KernelEvent.Code
    var subject: Int32
    var bits: [UInt64]
    init(_ event: KernelEvent) {
        code = event.code
        subject = event.subject
        bits = [event.timeSeconds, event.value, event.detail].map(\.bitPattern)
    }
}

struct RunOutput {
    var records: [RecordValues] = []
    var events: [EventValues] = []
    var digests: [UInt64] = []
    var setpoints: [UInt64] = []
}

@Suite struct DeterminismTests {
    static let cycles: Int64 = 500

    /// The regulation signal sample sent every 20 cycles (2 s): a triangle wave over −1…1.
    static func signal(_ cycle: Int64) -> Double { Double((cycle / 20) % 40) / 20 - 1 }

    /// Drives `kernel` through the scenario: schedules and award at start, a signal sample every 2 s,
    /// one resource that stops reporting at 30 s, an operator who disables a battery at 40 s.
    func run(_ area: SyntheticSubstation, tweak: (Int64, Double) -> Double = { $1 }) throws -> RunOutput {
        let kernel = try ControlKernel(model: area.model)
        for entry in area.initialSchedules(netImportKW: 100) { _ = kernel.inbound.ring(.scheduleFiles).push(.schedule(entry)) }
        _ = kernel.inbound.ring(.isoLink).push(.regulation(.award(kw: area.awardKW, at: 0)))
        var output = RunOutput()
        for cycle in 0..<Self.cycles {
            let seconds = Double(cycle) * kernel.configuration.periodSeconds
            if cycle % 20 == 0 {
                let value = tweak(cycle, Self.signal(cycle))
                _ = kernel.inbound.ring(.isoLink).push(.regulation(.signal(value, sequence: UInt64(cycle / 20), at: seconds)))
            }
            if cycle == 400 { _ = kernel.inbound.ring(.operatorCommands).push(.command(.setResourceEnabled(resource: 10, enabled: false))) }
            area.fillBoard(kernel, cycle: cycle)
            if cycle >= 300 { kernel.board.timestampNanoseconds[3] = 300 * kernel.configuration.periodNanoseconds }
            kernel.step(atNanoseconds: cycle * kernel.configuration.periodNanoseconds)
            kernel.records.consume { output.records.append(RecordValues($0)) }
            _ = kernel.records.events.drain { output.events.append(EventValues($0)) }
            output.digests.append(kernel.setpointDigest)
        }
        output.setpoints = (0..<kernel.resources.count).map { kernel.setpoints.setpointKW[$0].bitPattern }
        #expect(kernel.counters.droppedRecords == 0)
        return output
    }

    @Test func sameInputsGiveIdenticalSetpointsAndRecords() throws {
        let area = try SyntheticSubstation(resourceCount: 200, interfacePointCount: 4)
        let first = try run(area)
        let second = try run(SyntheticSubstation(resourceCount: 200, interfacePointCount: 4))
        #expect(first.records.count == Int(Self.cycles))
        #expect(first.digests == second.digests)
        #expect(first.setpoints == second.setpoints)
        #expect(first.records == second.records)
        #expect(first.events == second.events)
        // The scenario really exercised the kernel: set points moved, health changed, regulation ran.
        #expect(Set(first.digests).count == Int(Self.cycles))
        #expect(first.events.contains { $0.code == .resourceUnavailable })
        #expect(first.records.contains { $0.scalars[4] != 0.0.bitPattern })   // regulation command
    }

    @Test func aSlightlyDifferentInputDivergesFromThatCycleOn() throws {
        let area = try SyntheticSubstation(resourceCount: 200, interfacePointCount: 4)
        let reference = try run(area)
        // One signal sample at cycle 240 is 0.001 higher.
        let changed = try run(area) { cycle, value in cycle == 240 ? value + 0.001 : value }
        #expect(reference.records[..<240] == changed.records[..<240])
        #expect(reference.digests[..<240] == changed.digests[..<240])
        #expect(reference.records[240] != changed.records[240])
        #expect(reference.digests[240] != changed.digests[240])
        #expect(reference.digests.last != changed.digests.last)
    }
}
