import Synchronization

/// A fixed array of 64-bit slots published as a whole by one writer thread and read by one or more
/// readers that never block: a sequence lock.
///
/// The writer makes the sequence odd, writes the slots, makes it even again (release). A reader loads
/// the sequence (acquire), copies the slots, loads the sequence again after an acquire fence, and keeps
/// the copy only if both loads are the same even number; otherwise it tries again a bounded number of
/// times and then gives up for this round (the caller keeps its previous copy). Slots are relaxed
/// atomics, so there is no data race in the language's sense either.
final class SeqlockSlots: @unchecked Sendable {
    // Sendable: the slots are atomics; the single-writer rule is the caller's (documented per use).
    private let sequence = Atomic<UInt64>(0)
    private let slots: UnsafeMutablePointer<Atomic<UInt64>>
    let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        for index in 0..<max(count, 1) { (slots + index).initialize(to: Atomic(0)) }
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    /// The current (even when idle) sequence: changes with every publication.
    @inline(__always)
    var publication: UInt64 { sequence.load(ordering: .acquiring) }

    /// Starts a publication (the sequence becomes odd). Single writer only; pair with `endPublish`.
    @inline(__always)
    func beginPublish() {
        sequence.store(sequence.load(ordering: .relaxed) &+ 1, ordering: .relaxed)
        atomicMemoryFence(ordering: .releasing)
    }

    /// Ends a publication (the sequence becomes even again, releasing the slot stores).
    @inline(__always)
    func endPublish() {
        sequence.store(sequence.load(ordering: .relaxed) &+ 1, ordering: .releasing)
    }

    @inline(__always)
    func store(_ index: Int, _ bits: UInt64) { slots[index].store(bits, ordering: .relaxed) }

    /// Copies a consistent image of the slots into `destination` (at least `count` long); returns the
    /// publication copied, or nil if the writer was busy on every attempt.
    @inline(__always)
    func read(into destination: UnsafeMutablePointer<UInt64>, attempts: Int = 8) -> UInt64? {
        for _ in 0..<attempts {
            let before = sequence.load(ordering: .acquiring)
            if before & 1 == 1 { continue }
            for index in 0..<count { destination[index] = slots[index].load(ordering: .relaxed) }
            atomicMemoryFence(ordering: .acquiring)
            if sequence.load(ordering: .relaxed) == before { return before }
        }
        return nil
    }
}
