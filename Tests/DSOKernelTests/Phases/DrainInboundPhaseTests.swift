import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import Testing

@Suite struct DrainInboundPhaseTests {
    let now = 10 * KernelFixture.second

    @Test func validScheduleIsStored() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSchedule(from: 0, to: 900, netImportKW: 120)
        kernel.cycle(at: now, .drainInbound)
        let table = kernel.interfacePoints.schedules[0]
        #expect(table.count == 1)
        let found = table.lookup(atSeconds: 10)
        #expect(found.netImportKW == 120 && found.isCovered)
        #expect(kernel.counters.refusedSchedules == 0)
        #expect(kernel.drainEvents().isEmpty)
    }

    @Test func badSchedulesAreRefusedCountedAndReported() throws {
        let kernel = try KernelFixture.basic()
        let bad = [
            ScheduleEntry(interfacePoint: 1, startSeconds: 0, endSeconds: 60, netImportKW: 10),   // only point 0 exists
            ScheduleEntry(interfacePoint: -1, startSeconds: 0, endSeconds: 60, netImportKW: 11),
            ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: 60, netImportKW: .nan),
            ScheduleEntry(interfacePoint: 0, startSeconds: 60, endSeconds: 60, netImportKW: 13),  // start = end
            ScheduleEntry(interfacePoint: 0, startSeconds: 90, endSeconds: 60, netImportKW: 14),  // start > end
            ScheduleEntry(interfacePoint: 0, startSeconds: 0, endSeconds: .infinity, netImportKW: 15),
        ]
        for entry in bad { #expect(kernel.inbound.ring(.scheduleFiles).push(.schedule(entry))) }
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.counters.refusedSchedules == bad.count)
        #expect(kernel.interfacePoints.schedules[0].count == 0)
        let events = kernel.drainEvents()
        #expect(events.count == bad.count)
        #expect(events.allSatisfy { $0.code == .scheduleRefused && $0.timeSeconds == 10 })
        #expect(events.map(\.subject) == [1, -1, 0, 0, 0, 0])
        #expect(events[0].value == 10 && events[2].value.isNaN && events[4].detail == 90)
    }

    @Test func scheduleRefusedWhenTableFullOfIntervalsInForce() throws {
        var configuration = KernelConfiguration()
        configuration.scheduleCapacity = 1
        let kernel = try KernelFixture.basic(configuration: configuration)
        kernel.pushSchedule(from: 0, to: 60, netImportKW: 1)
        kernel.pushSchedule(from: 60, to: 120, netImportKW: 2)   // table full, the first still in force at 10 s
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.counters.refusedSchedules == 1)
        #expect(kernel.interfacePoints.schedules[0].refusedCount == 1)
        #expect(kernel.drainEvents().with(.scheduleRefused).count == 1)
    }

    @Test func signalIsAcceptedAndRemembersThePreviousSample() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSignal(0.4, sequence: 1, at: 2)
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.regulation.signal == 0.4)
        #expect(kernel.regulation.signalReceivedSeconds == 2)
        #expect(kernel.regulation.lastSequence == 1 && kernel.regulation.hasSequence)
        kernel.pushSignal(-0.2, sequence: 2, at: 4)
        kernel.pushSignal(-1, sequence: 3, at: 6)   // the end of the range is allowed
        kernel.cycle(at: now + KernelFixture.period, .drainInbound)
        #expect(kernel.regulation.signal == -1)
        #expect(kernel.regulation.previousSignal == -0.2)
        #expect(kernel.regulation.previousSignalReceivedSeconds == 4)
        #expect(kernel.regulation.signalReceivedSeconds == 6)
        #expect(kernel.regulation.refusedMessages == 0)
        #expect(kernel.drainEvents().isEmpty)
    }

    @Test func signalOutOfRangeOrNaNIsRefused() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSignal(0.4, sequence: 1, at: 2)
        kernel.pushSignal(1.5, sequence: 2, at: 3)
        kernel.pushSignal(.nan, sequence: 3, at: 4)
        kernel.pushSignal(-1.5, sequence: 4, at: 5)
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.regulation.signal == 0.4)
        #expect(kernel.regulation.signalReceivedSeconds == 2)
        #expect(kernel.regulation.lastSequence == 1)
        #expect(kernel.regulation.refusedMessages == 3)
        let events = kernel.drainEvents()
        #expect(events.count == 3 && events.allSatisfy { $0.code == .regulationMessageRefused && $0.subject == -1 })
        #expect(events[0].value == 1.5 && events[1].value.isNaN && events[2].value == -1.5)
    }

    @Test func signalWithSequenceGoingBackwardsIsRefused() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSignal(0.4, sequence: 5, at: 2)
        kernel.pushSignal(0.9, sequence: 4, at: 3)
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.regulation.signal == 0.4)
        #expect(kernel.regulation.lastSequence == 5)
        #expect(kernel.regulation.signalReceivedSeconds == 2)
        #expect(kernel.regulation.refusedMessages == 1)
        let events = kernel.drainEvents()
        #expect(events.map(\.code) == [.regulationMessageRefused])
        #expect(events.first?.value == 0.9 && events.first?.detail == 4)
    }

    @Test func equalSequenceRefreshesWithoutMovingTheSlope() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushSignal(0.2, sequence: 4, at: 1)
        kernel.pushSignal(0.4, sequence: 5, at: 2)
        kernel.pushSignal(0.4, sequence: 5, at: 3)   // the link repeats the last sample
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.regulation.refusedMessages == 0)
        #expect(kernel.regulation.signal == 0.4)
        #expect(kernel.regulation.signalReceivedSeconds == 3, "a refresh keeps the signal alive")
        // The pair that defines the slope is still (0.2 at 1 s) → (0.4 at 2 s), not 0.4 → 0.4.
        #expect(kernel.regulation.previousSignal == 0.2)
        #expect(kernel.regulation.previousSignalReceivedSeconds == 1)
        #expect(kernel.drainEvents().isEmpty)
    }

    @Test func awardIsAcceptedAndNegativeOrNonFiniteRefused() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushAward(500)
        kernel.pushAward(-10)
        kernel.pushAward(.nan)
        kernel.pushAward(.infinity)
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.regulation.awardKW == 500)
        #expect(kernel.regulation.refusedMessages == 3)
        let events = kernel.drainEvents()
        #expect(events.count == 3 && events.allSatisfy { $0.code == .regulationMessageRefused })
        #expect(events[0].value == -10)
        kernel.pushAward(0)   // zero is a valid award: no regulation this hour
        kernel.cycle(at: now + KernelFixture.period, .drainInbound)
        #expect(kernel.regulation.awardKW == 0)
        #expect(kernel.regulation.refusedMessages == 3)
    }

    @Test func disablingAResourceTakesEffectAtTheNextSnapshot() throws {
        let kernel = try KernelFixture.basic()
        let battery = kernel.index(of: "B")
        kernel.writeNominalBoard(at: now)
        kernel.cycle(at: now, .drainInbound, .snapshotTelemetry)
        #expect(kernel.health(battery) == .ok)
        _ = kernel.drainEvents()

        kernel.pushCommand(.setResourceEnabled(resource: battery, enabled: false))
        kernel.writeNominalBoard(at: now + KernelFixture.period)
        kernel.cycle(at: now + KernelFixture.period, .drainInbound, .snapshotTelemetry)
        #expect(kernel.state.enabled[battery] == false)
        #expect(kernel.health(battery) == .disabled)
        let events = kernel.drainEvents()
        #expect(events.count == 1)
        #expect(events.first?.code == .resourceUnavailable && events.first?.subject == Int32(battery))
        #expect(events.first?.value == Double(ResourceHealth.disabled.rawValue))

        kernel.pushCommand(.setResourceEnabled(resource: battery, enabled: true))
        kernel.writeNominalBoard(at: now + 2 * KernelFixture.period)
        kernel.cycle(at: now + 2 * KernelFixture.period, .drainInbound, .snapshotTelemetry)
        #expect(kernel.health(battery) == .ok)
        #expect(kernel.drainEvents().map(\.code) == [.resourceRecovered])
        #expect(kernel.counters.refusedCommands == 0)
    }

    @Test func commandForUnknownResourceIsRefused() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushCommand(.setResourceEnabled(resource: 3, enabled: false))    // resources are 0…2
        kernel.pushCommand(.setResourceEnabled(resource: -1, enabled: false))
        kernel.cycle(at: now, .drainInbound)
        #expect(kernel.counters.refusedCommands == 2)
        #expect((0..<3).allSatisfy { kernel.state.enabled[$0] })
        let events = kernel.drainEvents()
        #expect(events.map(\.code) == [.commandRefused, .commandRefused])
        #expect(events.map(\.subject) == [3, -1])
    }

    @Test func regulationSwitch() throws {
        let kernel = try KernelFixture.basic()
        kernel.pushCommand(.setRegulationEnabled(false))
        kernel.cycle(at: now, .drainInbound)
        #expect(!kernel.regulation.enabled)
        kernel.pushCommand(.setRegulationEnabled(true))
        kernel.cycle(at: now + KernelFixture.period, .drainInbound)
        #expect(kernel.regulation.enabled)
    }
}
