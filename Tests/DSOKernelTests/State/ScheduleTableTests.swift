import DSOKernel
import Testing

// `insert` and `lookup` are mutating, so results are taken outside `#expect`.
@Suite struct ScheduleTableTests {
    /// Three consecutive 10 s intervals, inserted out of order.
    func threeIntervals(capacity: Int = 8) -> ScheduleTable {
        var table = ScheduleTable(capacity: capacity)
        table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 0)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 200, nowSeconds: 0)
        return table
    }

    @Test func emptyTableHasNothing() {
        var table = ScheduleTable(capacity: 4)
        let found = table.lookup(atSeconds: 5)
        #expect(!found.hasAny && !found.isCovered)
        #expect(table.count == 0)
    }

    @Test func insertsOutOfOrderAndFindsEachIntervalInside() {
        var table = threeIntervals()
        #expect(table.count == 3)
        // Start inclusive, end exclusive: 10 s belongs to the second interval, 9.999 s to the first.
        for (time, value) in [(0.0, 100.0), (9.999, 100), (10, 200), (19.5, 200), (20, 300), (29.9, 300)] {
            let found = table.lookup(atSeconds: time)
            #expect(found.netImportKW == value && found.isCovered && found.hasAny, "at \(time) s")
        }
    }

    @Test func sameStartReplacesInsteadOfAdding() {
        var table = threeIntervals()
        let replaced = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 250, nowSeconds: 0)
        #expect(replaced)
        #expect(table.count == 3)
        let values = [5.0, 15, 25].map { table.lookup(atSeconds: $0).netImportKW }
        #expect(values == [100, 250, 300], "neighbours untouched")
    }

    @Test func cursorFollowsTimeForwardAndBackward() {
        var table = threeIntervals()
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
        var table = ScheduleTable(capacity: 4)
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
        var table = ScheduleTable(capacity: 2)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 200, nowSeconds: 0)
        // At 5 s the first interval is still in force: no room.
        let accepted = table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 5)
        #expect(!accepted)
        #expect(table.refusedCount == 1)
        #expect(table.count == 2)
        let later = table.lookup(atSeconds: 25)
        #expect(later.netImportKW == 200 && !later.isCovered, "the refused interval is not there")
        // Replacing an existing start needs no room even when full.
        let replaced = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 222, nowSeconds: 5)
        #expect(replaced)
        #expect(table.refusedCount == 1)
        #expect(table.lookup(atSeconds: 15).netImportKW == 222)
    }

    @Test func fullTableEvictsAnIntervalThatHasEnded() {
        var table = ScheduleTable(capacity: 2)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 100, nowSeconds: 0)
        table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 200, nowSeconds: 0)
        // At 10 s the first interval (end exclusive) has ended and makes room.
        let accepted = table.insert(startSeconds: 20, endSeconds: 30, netImportKW: 300, nowSeconds: 10)
        #expect(accepted)
        #expect(table.count == 2)
        #expect(table.refusedCount == 0)
        let values = [15.0, 25].map { table.lookup(atSeconds: $0).netImportKW }
        #expect(values == [200, 300])
        // The evicted interval is gone: 5 s is now before the first interval, not covered.
        let evicted = table.lookup(atSeconds: 5)
        #expect(!evicted.isCovered)
    }

    @Test func capacityOneEvictsAndRefuses() {
        var table = ScheduleTable(capacity: 1)
        table.insert(startSeconds: 0, endSeconds: 10, netImportKW: 1, nowSeconds: 0)
        let early = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 2, nowSeconds: 9.5)
        let onTime = table.insert(startSeconds: 10, endSeconds: 20, netImportKW: 2, nowSeconds: 10)
        #expect(!early && onTime)
        #expect(table.count == 1 && table.refusedCount == 1)
        let found = table.lookup(atSeconds: 12)
        #expect(found.netImportKW == 2 && found.isCovered)
    }
}
