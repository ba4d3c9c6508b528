import DSORuntime
@testable import DSOKernel
import Testing

// `insert` and `lookup` change the table (entries, cursor), so results are taken outside `#expect`.
@Suite struct ScheduleTableTests {
    /// Three consecutive 10 s intervals, inserted out of order.
    func threeIntervals(capacity: Int = 8) -> ScheduleTable {
        let table = ScheduleTable(capacity: capacity)
        table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 0)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 200, nowSeconds: 0)
        return table
    }

    @Test func emptyTableHasNothing() {
        let table = ScheduleTable(capacity: 4)
        let found = table.lookup(atSeconds: 5)
        #expect(!found.hasAny && !found.isCovered)
        #expect(table.count == 0)
    }

    @Test func insertsOutOfOrderAndFindsEachIntervalInside() {
        let table = threeIntervals()
        #expect(table.count == 3)
        // Start inclusive, end exclusive: 10 s belongs to the second interval, 9.999 s to the first.
        for (time, value) in [(0.0, 100.0), (9.999, 100), (10, 200), (19.5, 200), (20, 300), (29.9, 300)] {
            let found = table.lookup(atSeconds: time)
            #expect(found.netImportKW == value && found.isCovered && found.hasAny, "at \(time) s")
        }
    }

    @Test func sameStartReplacesInsteadOfAdding() {
        let table = threeIntervals()
        let replaced = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 250, nowSeconds: 0)
        #expect(replaced == .replaced)
        #expect(table.count == 3)
        let values = [5.0, 15, 25].map { table.lookup(atSeconds: $0).netImportKW }
        #expect(values == [100, 250, 300], "neighbours untouched")
    }

    @Test func cursorFollowsTimeForwardAndBackward() {
        let table = threeIntervals()
        let times: [Double] = [5, 15, 25, 15, 5, 25, 0, 29, 10, 9]
        let found = times.map { table.lookup(atSeconds: $0).netImportKW }
        #expect(found == [100, 200, 300, 200, 100, 300, 100, 300, 200, 100])
        // An insert between lookups (here ahead of the cursor's interval) is seen by the next lookups.
        _ = table.lookup(atSeconds: 25)
        table.insert(startSeconds: 25, endSeconds: 30, netImportKW: 350, nowSeconds: 0)
        let after = [27.0, 22].map { table.lookup(atSeconds: $0).netImportKW }
        #expect(after == [350, 300])
    }

    @Test func gapsHoldTheLastValueButAreNotCovered() {
        let table = ScheduleTable(capacity: 4)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 0)
        let between = table.lookup(atSeconds: 15)
        #expect(between.netImportKW == 100 && !between.isCovered && between.hasAny)
        let after = table.lookup(atSeconds: 45)
        #expect(after.netImportKW == 300 && !after.isCovered && after.hasAny)
        // Before the first interval nothing has been scheduled yet: there is no value to hold.
        let before = table.lookup(atSeconds: -5)
        #expect(!before.isCovered && !before.hasAny)
        // Back inside an interval after visiting the gaps.
        let inside = table.lookup(atSeconds: 21)
        #expect(inside.netImportKW == 300 && inside.isCovered)
    }

    @Test func fullTableRefusesWhileNothingHasEnded() {
        let table = ScheduleTable(capacity: 2)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 200, nowSeconds: 0)
        // At 5 s the first interval is still in force: no room.
        let accepted = table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 5)
        #expect(accepted == .tableFull)
        #expect(table.refusedCount == 1)
        #expect(table.count == 2)
        let later = table.lookup(atSeconds: 25)
        #expect(later.netImportKW == 200 && !later.isCovered, "the refused interval is not there")
        // Replacing an existing start needs no room even when full.
        let replaced = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 222, nowSeconds: 5)
        #expect(replaced == .replaced)
        #expect(table.refusedCount == 1)
        #expect(table.lookup(atSeconds: 15).netImportKW == 222)
    }

    @Test func fullTableEvictsAnIntervalThatHasEnded() {
        let table = ScheduleTable(capacity: 2)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 200, nowSeconds: 0)
        // At 10 s the first interval (end exclusive) has ended and makes room.
        let accepted = table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 10)
        #expect(accepted == .accepted)
        #expect(table.count == 2)
        #expect(table.refusedCount == 0)
        let values = [15.0, 25].map { table.lookup(atSeconds: $0).netImportKW }
        #expect(values == [200, 300])
        // The evicted interval is gone: 5 s is now before the first interval, not covered.
        let evicted = table.lookup(atSeconds: 5)
        #expect(!evicted.isCovered)
    }

    @Test func capacityOneEvictsAndRefuses() {
        let table = ScheduleTable(capacity: 1)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 1, nowSeconds: 0)
        let early = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 2, nowSeconds: 9.5)
        let onTime = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 2, nowSeconds: 10)
        #expect(early == .tableFull && onTime == .accepted)
        #expect(table.count == 1 && table.refusedCount == 1)
        let found = table.lookup(atSeconds: 12)
        #expect(found.netImportKW == 2 && found.isCovered)
    }

    /// The table works in the storage it was given at init: inserting, replacing, evicting and refusing
    /// over many times its capacity never moves a column (no copy-on-write, no growth), and it holds
    /// what the documented rules, replayed on a plain array, say it should.
    @Test func insertReplaceAndExpireStayInTheStorageFromInit() {
        let capacity = 4
        let table = ScheduleTable(capacity: capacity)
        let storage = [table.starts.buffer.baseAddress, table.ends.buffer.baseAddress, table.values.buffer.baseAddress]
        var expected: [(start: Double, end: Double, value: Double)] = []
        var refused = 0
        for interval in 0..<64 {
            let start = Double(interval) * 10
            // Alternately late and early: the oldest interval has sometimes ended (evict), sometimes not.
            let now = interval % 2 == 0 ? start - 30 : start - 35
            for value in [start, -start] {   // the second insert replaces the first
                let accepted = table.insert(startSeconds: start, endSeconds: start + 10, netImportKW: value,
                                            nowSeconds: now)
                if let same = expected.firstIndex(where: { $0.start == start }) {
                    expected[same].value = value
                    #expect(accepted == .replaced)
                } else if expected.count == capacity && expected[0].end > now {
                    refused += 1
                    #expect(accepted == .tableFull)
                } else {
                    if expected.count == capacity { expected.removeFirst() }
                    expected.append((start, start + 10, value))
                    #expect(accepted == .accepted)
                }
            }
        }
        #expect([table.starts.buffer.baseAddress, table.ends.buffer.baseAddress, table.values.buffer.baseAddress] == storage)
        #expect(table.count == expected.count && table.refusedCount == refused)
        #expect(refused > 0 && expected.count == capacity, "the run must exercise both eviction and refusal")
        for interval in expected {
            let found = table.lookup(atSeconds: interval.start + 5)
            #expect(found.netImportKW == interval.value && found.isCovered)
        }
    }
}
