/// Latest set points for one driver instance, in the driver's units, each with its valid-until time:
/// written by the kernel thread after each cycle, taken by the instance's I/O thread without blocking.
final class SetpointMailbox: @unchecked Sendable {
    // Sendable: one writer (the kernel thread in `afterCycle`), one reader (the instance's I/O thread or,
    // in synchronous mode, the same caller); both go through the sequence lock.
    let count: Int
    private let slots: SeqlockSlots
    private let scratch: UnsafeMutablePointer<UInt64>
    /// Reader side: the publication last delivered to the driver.
    private var delivered: UInt64 = 0

    init(count: Int) {
        self.count = count
        slots = SeqlockSlots(count: 2 * count)
        scratch = .allocate(capacity: max(2 * count, 1))
        scratch.initialize(repeating: 0, count: max(2 * count, 1))
    }

    deinit { scratch.deallocate() }

    // MARK: writer side (kernel thread)

    @inline(__always) func beginPublish() { slots.beginPublish() }
    @inline(__always) func store(_ slot: Int, value: Double, validUntilNanoseconds: Int64) {
        slots.store(2 * slot, value.bitPattern)
        slots.store(2 * slot + 1, UInt64(bitPattern: validUntilNanoseconds))
    }
    @inline(__always) func endPublish() { slots.endPublish() }

    // MARK: reader side (I/O thread)

    /// Takes the set points published since the last take; false when there is nothing new (or the
    /// writer was busy: the next poll takes them).
    func takeNew() -> Bool {
        let publication = slots.publication
        guard publication != 0, publication != delivered, let copied = slots.read(into: scratch) else { return false }
        delivered = copied
        return true
    }

    func value(_ slot: Int) -> Double { Double(bitPattern: scratch[2 * slot]) }
    func validUntilNanoseconds(_ slot: Int) -> Int64 { Int64(bitPattern: scratch[2 * slot + 1]) }
}
