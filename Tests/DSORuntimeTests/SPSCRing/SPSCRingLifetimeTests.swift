import DSORuntime
import Synchronization
import Testing

/// Counts deinitialisations so the tests can prove the ring releases what it holds.
private final class Tracked: Sendable {
    let id: Int
    let deinits: DeinitCounter
    init(id: Int, deinits: DeinitCounter) {
        self.id = id
        self.deinits = deinits
    }
    deinit { deinits.count.add(1, ordering: .relaxed) }
}

private final class DeinitCounter: Sendable {
    let count = Atomic<Int>(0)
}

@Suite("SPSCRing element lifetime")
struct SPSCRingLifetimeTests {
    @Test("popped and drained elements are released exactly once")
    func poppedReleased() {
        let deinits = DeinitCounter()
        let ring = SPSCRing<Tracked>(capacity: 8)
        for id in 0..<6 { #expect(ring.push(Tracked(id: id, deinits: deinits))) }
        #expect(ring.pop()?.id == 0)
        #expect(deinits.count.load(ordering: .relaxed) == 1)
        var drainedIDs: [Int] = []
        ring.drain { drainedIDs.append($0.id) }
        #expect(drainedIDs == [1, 2, 3, 4, 5])
        #expect(deinits.count.load(ordering: .relaxed) == 6)
    }

    @Test("elements still queued are released when the ring goes away, across wrap-around")
    func remainingReleasedOnDeinit() {
        let deinits = DeinitCounter()
        do {
            let ring = SPSCRing<Tracked>(capacity: 4)
            for id in 0..<3 { #expect(ring.push(Tracked(id: id, deinits: deinits))) }
            _ = ring.pop()
            _ = ring.pop()
            for id in 3..<6 { #expect(ring.push(Tracked(id: id, deinits: deinits))) }
            // Full: the refused element stays with the caller and is released by it.
            #expect(ring.push(Tracked(id: 99, deinits: deinits)) == false)
            #expect(deinits.count.load(ordering: .relaxed) == 3)
        }
        #expect(deinits.count.load(ordering: .relaxed) == 7)
    }

    @Test("strings survive the round trip and queued strings are freed")
    func strings() {
        let ring = SPSCRing<String>(capacity: 4)
        let long = String(repeating: "feeder-12 ", count: 20)
        #expect(ring.push(long))
        #expect(ring.push("short"))
        #expect(ring.pop() == long)
        #expect(ring.approximateCount == 1)
    }
}
