import DSORuntime
import Testing

@Suite("SPSCRing single-thread semantics")
struct SPSCRingSemanticsTests {
    @Test("capacity rounds up to a power of two", arguments: [(1, 1), (2, 2), (3, 4), (5, 8), (8, 8), (9, 16), (1000, 1024), (1024, 1024)])
    func capacityRounding(requested: Int, expected: Int) {
        let ring = SPSCRing<Int>(capacity: requested)
        #expect(ring.capacity == expected)
        var accepted = 0
        while ring.push(accepted) { accepted += 1 }
        #expect(accepted == expected)
    }

    @Test("empty ring pops nil and counts nothing")
    func emptyRing() {
        let ring = SPSCRing<Int>(capacity: 4)
        #expect(ring.pop() == nil)
        #expect(ring.approximateCount == 0)
        #expect(ring.pushedCount == 0)
        #expect(ring.rejectedPushCount == 0)
    }

    @Test("elements come out in push order")
    func fifoOrder() {
        let ring = SPSCRing<Int>(capacity: 8)
        for value in [5, -3, 42, 7] { #expect(ring.push(value)) }
        #expect(ring.approximateCount == 4)
        var popped: [Int] = []
        while let value = ring.pop() { popped.append(value) }
        #expect(popped == [5, -3, 42, 7])
        #expect(ring.pushedCount == 4)
        #expect(ring.poppedCount == 4)
    }

    @Test("indices wrap around the slots many times")
    func wrapAround() {
        let ring = SPSCRing<Int>(capacity: 4)
        var next = 0
        var expected = 0
        for round in 0..<1_000 {
            let batch = round % 4 + 1
            for _ in 0..<batch {
                #expect(ring.push(next))
                next += 1
            }
            for _ in 0..<batch {
                #expect(ring.pop() == expected)
                expected += 1
            }
        }
        #expect(ring.pop() == nil)
        #expect(ring.pushedCount == next)
    }

    @Test("a full ring refuses, counts the refusal, and the retry succeeds after a pop")
    func fullRingReported() {
        let ring = SPSCRing<String>(capacity: 2)
        #expect(ring.push("a"))
        #expect(ring.push("b"))
        let kept = "c"
        #expect(ring.push(kept) == false)
        #expect(ring.push(kept) == false)
        #expect(ring.rejectedPushCount == 2)
        #expect(ring.pushedCount == 2)
        #expect(ring.approximateCount == 2)
        #expect(ring.pop() == "a")
        #expect(ring.push(kept))
        #expect(ring.rejectedPushCount == 2)
        #expect(ring.pop() == "b")
        #expect(ring.pop() == "c")
        #expect(ring.pop() == nil)
    }

    @Test("drain pops what is visible, in order, and returns the count")
    func drain() {
        let ring = SPSCRing<Int>(capacity: 16)
        for value in 0..<10 { #expect(ring.push(value * 3)) }
        var seen: [Int] = []
        let drained = ring.drain { seen.append($0) }
        #expect(drained == 10)
        #expect(seen == (0..<10).map { $0 * 3 })
        #expect(ring.drain { _ in Issue.record("empty ring drained an element") } == 0)
        #expect(ring.approximateCount == 0)
        #expect(ring.push(1))
    }
}
