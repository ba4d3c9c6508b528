import DSORuntime
import Foundation
import Testing

@Suite("SPSCRing across two threads")
struct SPSCRingConcurrencyTests {
    // Both sides yield when they cannot progress: on two shared vCPUs the threads may land on one
    // core, and pure spinning would then wait out whole time slices.

    /// Runs `body` on a dedicated Foundation thread and returns a way to wait for it.
    private func spawn(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        return done
    }

    @Test("1,000,000 items: none lost, none duplicated, order kept, full ring reported")
    func producerConsumer() {
        let itemCount = 1_000_000
        let ring = SPSCRing<Int>(capacity: 64)
        let producerDone = spawn {
            var value = 0
            while value < itemCount {
                if ring.push(value) { value += 1 } else { sched_yield() }
            }
        }
        let consumerDone = spawn {
            var expected = 0
            var outOfOrder = 0
            while expected < itemCount {
                if let value = ring.pop() {
                    if value != expected { outOfOrder += 1 }
                    expected = value + 1
                } else {
                    sched_yield()
                }
            }
            #expect(outOfOrder == 0)
            #expect(expected == itemCount)
        }
        producerDone.wait()
        consumerDone.wait()
        #expect(ring.pushedCount == itemCount)
        #expect(ring.poppedCount == itemCount)
        #expect(ring.pop() == nil)
        // A 64-slot ring under a spinning producer fills up; every refusal was counted, none lost.
        #expect(ring.rejectedPushCount > 0)
    }

    @Test("drain on the consumer side sees every item once, in order")
    func producerDrainer() {
        let itemCount = 200_000
        let ring = SPSCRing<Int>(capacity: 128)
        let producerDone = spawn {
            var value = 0
            while value < itemCount {
                if ring.push(value) { value += 1 } else { sched_yield() }
            }
        }
        let consumerDone = spawn {
            var expected = 0
            var mismatches = 0
            while expected < itemCount {
                if ring.approximateCount == 0 { sched_yield() }
                ring.drain { value in
                    if value != expected { mismatches += 1 }
                    expected += 1
                }
            }
            #expect(mismatches == 0)
            #expect(expected == itemCount)
        }
        producerDone.wait()
        consumerDone.wait()
        #expect(ring.approximateCount == 0)
    }
}
