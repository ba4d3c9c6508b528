import CPlatform
import DSORuntime
import Foundation
import Synchronization
import Testing

/// Collects ticks from the timer queue for inspection on the test thread.
private final class TickLog: Sendable {
    let ticks = Mutex<[CycleTick]>([])
    func append(_ tick: CycleTick) { ticks.withLock { $0.append(tick) } }
    var all: [CycleTick] { ticks.withLock { $0 } }

    /// Waits until `condition` holds for the ticks so far (at most 30 s: a starved timer is slow, not wrong).
    func waitUntil(_ condition: ([CycleTick]) -> Bool) {
        let deadline = Date().addingTimeInterval(30)
        while !condition(all), Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }
}

@Suite("CycleTimer grid", .serialized)
struct CycleTimerGridTests {
    @Test("10 ms cycles for 0.5 s stay on t0 + k·period, never early, every grid point accounted for")
    func noDrift() throws {
        let period = try CyclePeriod(milliseconds: 10)
        let log = TickLog()
        let timer = CycleTimer(period: period, label: "test.cycle.grid") { log.append($0) }
        timer.start()
        #expect(timer.isRunning)
        Thread.sleep(forTimeInterval: 0.5)
        let beforeStop = dso_monotonic_ns()
        timer.stop()
        let afterStop = dso_monotonic_ns()
        #expect(!timer.isRunning)

        let ticks = log.all
        let origin = try #require(timer.gridOriginNanoseconds)
        let periodNanoseconds = UInt64(period.nanoseconds)
        #expect(ticks.count >= 20, "only \(ticks.count) cycles in 0.5 s")
        for (previous, next) in zip(ticks, ticks.dropFirst()) {
            #expect(next.cycleIndex == previous.cycleIndex + 1 + next.missedTicks)
        }
        for tick in ticks {
            #expect(tick.scheduledNanoseconds == origin + UInt64(tick.cycleIndex) * periodNanoseconds)
            #expect(tick.latenessNanoseconds >= 0, "cycle \(tick.cycleIndex) started before its grid point")
        }
        let last = try #require(ticks.last)
        let statistics = timer.statistics
        #expect(statistics.cycles == ticks.count)
        #expect(statistics.overruns == Int(ticks.reduce(0) { $0 + $1.missedTicks }))
        // Every grid point up to the last cycle is either a cycle or an overrun: no drift.
        #expect(Int(last.cycleIndex) + 1 == statistics.cycles + statistics.overruns)
        // ...and the grid kept pace with the clock (a point may still be pending at stop).
        let pointsBeforeStop = Int64((beforeStop - origin) / periodNanoseconds) + 1
        let pointsAfterStop = Int64((afterStop - origin) / periodNanoseconds) + 1
        #expect(last.cycleIndex + 1 >= pointsBeforeStop - 2)
        #expect(last.cycleIndex + 1 <= pointsAfterStop)
        #expect(statistics.lateness.count == ticks.count)
        #expect(statistics.maxLatenessNanoseconds == ticks.map(\.latenessNanoseconds).max())

        // After stop returns, nothing runs any more.
        Thread.sleep(forTimeInterval: 0.03)
        #expect(log.all.count == ticks.count)
    }

    @Test("a handler blocking 2.5 periods causes counted overruns and the next cycle lands on the grid")
    func mergedTicks() throws {
        let period = try CyclePeriod(milliseconds: 10)
        let blockedCycle: Int64 = 3
        let log = TickLog()
        let timer = CycleTimer(period: period, label: "test.cycle.overrun") { tick in
            log.append(tick)
            if tick.cycleIndex == blockedCycle { usleep(25_000) }
        }
        timer.start()
        log.waitUntil { ticks in ticks.contains { $0.cycleIndex > blockedCycle } }
        timer.stop()

        let ticks = log.all
        let origin = try #require(timer.gridOriginNanoseconds)
        let blocked = try #require(ticks.firstIndex { $0.cycleIndex == blockedCycle })
        let next = try #require(ticks.indices.contains(blocked + 1) ? ticks[blocked + 1] : nil)
        #expect(next.missedTicks >= 1)
        #expect(next.cycleIndex == blockedCycle + 1 + next.missedTicks)
        #expect(next.scheduledNanoseconds == origin + UInt64(next.cycleIndex) * UInt64(period.nanoseconds))
        #expect(next.latenessNanoseconds >= 0)
        let statistics = timer.statistics
        #expect(statistics.overruns >= 1)
        #expect(statistics.deadlineMisses >= 1)
        let last = try #require(ticks.last)
        #expect(Int(last.cycleIndex) + 1 == statistics.cycles + statistics.overruns)
    }

    @Test("a timer can be restarted on a fresh grid with fresh statistics")
    func restart() throws {
        let log = TickLog()
        let timer = CycleTimer(period: try CyclePeriod(milliseconds: 10), label: "test.cycle.restart") { log.append($0) }
        timer.start()
        log.waitUntil { $0.count >= 2 }
        timer.stop()
        let firstOrigin = try #require(timer.gridOriginNanoseconds)
        let firstCount = log.all.count
        timer.start()
        log.waitUntil { $0.count >= firstCount + 2 }
        timer.stop()
        let secondOrigin = try #require(timer.gridOriginNanoseconds)
        #expect(secondOrigin > firstOrigin)
        let secondRun = log.all.dropFirst(firstCount)
        #expect(secondRun.first?.cycleIndex == 0)
        #expect(timer.statistics.cycles == secondRun.count)
    }

    @Test("raising priority reports permission and applies it only while the handler runs")
    func priority() throws {
        let policies = Mutex<[Int32]>([])
        let timer = CycleTimer(period: try CyclePeriod(milliseconds: 10), label: "test.cycle.priority") { _ in
            var policy: Int32 = -1
            var parameters = sched_param()
            _ = pthread_getschedparam(pthread_self(), &policy, &parameters)
            policies.withLock { $0.append(policy) }
        }
        let permitted = timer.raiseThreadPriority(fifoPriority: 10)
        timer.start()
        let deadline = Date().addingTimeInterval(30)
        while policies.withLock({ $0.count }) < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        timer.stop()
        let seen = policies.withLock { $0 }
        #expect(seen.count >= 2)
        #expect(seen.allSatisfy { $0 == (permitted ? SCHED_FIFO : SCHED_OTHER) })
        // The probe leaves the calling thread's policy alone.
        var policy: Int32 = -1
        var parameters = sched_param()
        #expect(pthread_getschedparam(pthread_self(), &policy, &parameters) == 0)
        #expect(policy == SCHED_OTHER)
        // Back to normal scheduling on request.
        #expect(timer.raiseThreadPriority(fifoPriority: 0))
    }
}
