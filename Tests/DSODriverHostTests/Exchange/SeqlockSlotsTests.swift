@testable import DSODriverHost
import Foundation
import Testing

/// The sequence lock never hands a reader a torn image, with a writer hammering it from another thread.
@Suite struct SeqlockSlotsTests {
    @Test func readersSeeOnlyWholePublications() async throws {
        let slots = SeqlockSlots(count: 16)
        let done = DispatchSemaphore(value: 0)
        let writer = Thread {
            for value in UInt64(1)...200_000 {
                slots.beginPublish()
                for index in 0..<16 { slots.store(index, value) }
                slots.endPublish()
            }
            done.signal()
        }
        writer.start()
        let copy = UnsafeMutablePointer<UInt64>.allocate(capacity: 16)
        defer { copy.deallocate() }
        var consistent = 0, torn = 0, last: UInt64 = 0, backwards = 0
        while done.wait(timeout: .now()) == .timedOut {
            guard slots.read(into: copy) != nil else { continue }
            consistent += 1
            if (1..<16).contains(where: { copy[$0] != copy[0] }) { torn += 1 }
            if copy[0] < last { backwards += 1 }
            last = copy[0]
        }
        #expect(torn == 0)
        #expect(backwards == 0)
        #expect(consistent > 10)
        #expect(slots.read(into: copy) != nil && copy[15] == 200_000)
    }
}
