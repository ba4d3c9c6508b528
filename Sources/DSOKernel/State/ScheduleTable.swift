public import DSORuntime
/// The scheduled net interchange of one interface point: a bounded, time-ordered list of intervals.
///
/// Storage is fixed at init (three `FixedColumn`s, no copy-on-write arrays) so that receiving and looking
/// up schedules never allocates. An entry with the same start replaces the old one (the market layer
/// re-sends an interval when it changes). When the table is full the oldest interval that has already
/// ended makes room; if none has, the new entry is refused and counted. Between and after intervals the
/// last known schedule holds, and the lookup says so; before the first interval there is none (`hasAny`
/// false). Only the kernel inserts and looks up; other modules read the counts.
public final class ScheduleTable: @unchecked Sendable {
    // Sendable: confined to the kernel thread (see `KernelColumn`); other threads only read the counts.
    let starts: FixedColumn<Double>
    let ends: FixedColumn<Double>
    let values: FixedColumn<Double>
    public private(set) var count = 0
    public let capacity: Int
    var cursor = 0
    /// Entries refused because the table was full of intervals still in force.
    public private(set) var refusedCount = 0

    public init(capacity: Int) {
        self.capacity = capacity
        starts = FixedColumn(count: capacity, repeating: 0)
        ends = FixedColumn(count: capacity, repeating: 0)
        values = FixedColumn(count: capacity, repeating: 0)
    }

    deinit { starts.deallocate(); ends.deallocate(); values.deallocate() }

    /// Result of a lookup: the scheduled net import and whether an interval covers the time.
    struct Lookup: Sendable, Hashable {
        var netImportKW: Double
        var isCovered: Bool
        var hasAny: Bool
        /// End of the interval the value comes from (−∞ when there is none).
        var endSeconds: Double = -.infinity
    }

    /// Inserts or replaces an interval; `nowSeconds` decides which old intervals may be evicted.
    /// Refuses (and counts) when the table is full of intervals that have not ended.
    @discardableResult
    func insert(startSeconds: Double, endSeconds: Double, netImportKW: Double, nowSeconds: Double) -> ScheduleOutcome.Verdict {
        var position = 0
        while position < count && starts[position] < startSeconds { position += 1 }
        if position < count && starts[position] == startSeconds {
            ends[position] = endSeconds
            values[position] = netImportKW
            cursor = 0
            return .replaced
        }
        if count == capacity {
            guard ends[0] <= nowSeconds else { refusedCount += 1; return .tableFull }
            removeFirst()
            position = max(0, position - 1)
        }
        var index = count
        while index > position {
            starts[index] = starts[index - 1]; ends[index] = ends[index - 1]; values[index] = values[index - 1]
            index -= 1
        }
        starts[position] = startSeconds; ends[position] = endSeconds; values[position] = netImportKW
        count += 1
        cursor = 0
        return .accepted
    }

    private func removeFirst() {
        for index in 1..<count {
            starts[index - 1] = starts[index]; ends[index - 1] = ends[index]; values[index - 1] = values[index]
        }
        count -= 1
    }

    /// The schedule in force at `seconds`; cheap for monotonically increasing time (keeps a cursor).
    func lookup(atSeconds seconds: Double) -> Lookup {
        guard count > 0 else { return Lookup(netImportKW: 0, isCovered: false, hasAny: false) }
        if cursor >= count || starts[cursor] > seconds { cursor = 0 }
        while cursor + 1 < count && starts[cursor + 1] <= seconds { cursor += 1 }
        if starts[cursor] > seconds {
            // Before the first interval there is no schedule to hold yet.
            return Lookup(netImportKW: 0, isCovered: false, hasAny: false)
        }
        return Lookup(netImportKW: values[cursor], isCovered: seconds < ends[cursor], hasAny: true, endSeconds: ends[cursor])
    }
}
