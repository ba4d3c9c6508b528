import OpenDSOTestSupport
@testable import DSOKernel
import DSOModel
import Testing

/// An event the kernel cannot push (the events ring is full because its reader fell behind) is lost,
/// since the kernel never waits, but it is counted in `KernelCounters.droppedEvents`.
@Suite struct EventOverflowTests {
    @Test func eventsThatFindTheRingFullAreCounted() throws {
        let kernel = try KernelFixture.basic()
        let capacity = kernel.records.events.capacity
        for n in 0..<(capacity + 37) {
            kernel.raise(KernelEvent(code: .commandRefused, timeSeconds: Double(n), subject: Int32(n)))
        }
        #expect(kernel.counters.droppedEvents == 37)
        let kept = kernel.drainEvents()
        // The ring keeps the oldest events; the newest ones are the ones lost.
        #expect(kept.count == capacity)
        #expect(kept.first?.subject == 0 && kept.last?.subject == Int32(capacity - 1))

        // With room again events flow, and the count of what was lost stays.
        kernel.raise(KernelEvent(code: .commandRefused, timeSeconds: 0, subject: -1))
        #expect(kernel.drainEvents().count == 1)
        #expect(kernel.counters.droppedEvents == 37)
    }

    /// The same through the cycle: refused operator commands each raise an event; nobody drains them.
    @Test func cyclesWhoseEventsOverflowTheRingCountEveryLostEvent() throws {
        let kernel = try KernelFixture.basic()
        let capacity = kernel.records.events.capacity
        var cycle: Int64 = 0
        while kernel.counters.refusedCommands <= capacity {
            for _ in 0..<32 { kernel.pushCommand(.setResourceEnabled(resource: 99, enabled: false)) }
            kernel.cycle(at: cycle * KernelFixture.period, .drainInbound)
            cycle += 1
        }
        let kept = kernel.drainEvents().count
        #expect(kept == capacity)
        #expect(kernel.counters.droppedEvents == kernel.counters.refusedCommands - kept)
        #expect(kernel.counters.droppedEvents > 0)
    }
}
