public import Synchronization

/// A bounded lock-free queue between exactly one producer thread and one consumer thread, so the
/// control cycle can hand measurements and commands across threads without locks or allocation.
///
/// Indices grow monotonically (`tail` counts pushes, `head` counts pops); a slot is
/// `index & mask`. Each side owns one index (relaxed loads of its own, a releasing store after
/// touching the slot) and reads the peer's index with acquire ordering only when its cached copy
/// says the ring looks full (producer) or empty (consumer).
///
/// Sendable because of the single-producer single-consumer invariant: at any time at most one
/// thread calls `push` and at most one (other) thread calls `pop`/`drain`. Under that invariant
/// a slot is written only by the producer while `tail - head < capacity` excludes it from the
/// consumer, and read only by the consumer after the releasing store of `tail` published it; the
/// cached peer indices are each touched by one side only. Counters are atomics and may be read
/// from any thread. Calling `push` from two threads at once (or `pop` from two) is a data race.
public final class SPSCRing<Element>: @unchecked Sendable {
    /// Slots, preallocated at init; slot `i & mask` holds an initialised element exactly when
    /// `head <= i < tail`.
    @usableFromInline let storage: UnsafeMutablePointer<Element>
    @usableFromInline let mask: Int
    /// Number of slots: the requested capacity rounded up to a power of two.
    public let capacity: Int

    @usableFromInline let paddingBeforeConsumer = CacheLinePadding()
    /// Consumer-owned line: pops so far, and the consumer's last view of `tail`.
    @usableFromInline let head = Atomic<Int>(0)
    @usableFromInline let consumerCachedTail = Atomic<Int>(0)

    @usableFromInline let paddingBeforeProducer = CacheLinePadding()
    /// Producer-owned line: pushes so far, the producer's last view of `head`, full-ring reports.
    @usableFromInline let tail = Atomic<Int>(0)
    @usableFromInline let producerCachedHead = Atomic<Int>(0)
    @usableFromInline let rejectedPushes = Atomic<Int>(0)
    @usableFromInline let paddingAfterProducer = CacheLinePadding()

    /// Creates a ring holding at least `capacity` elements (rounded up to a power of two so the
    /// slot is a mask, not a division). All storage is allocated here, none on push or pop.
    public init(capacity requestedCapacity: Int) {
        precondition(requestedCapacity > 0, "SPSCRing capacity must be > 0, got \(requestedCapacity)")
        precondition(requestedCapacity <= 1 << 40, "SPSCRing capacity \(requestedCapacity) is unreasonably large (max 2^40)")
        let rounded = requestedCapacity <= 1 ? 1 : 1 << (Int.bitWidth - (requestedCapacity - 1).leadingZeroBitCount)
        capacity = rounded
        mask = rounded - 1
        storage = UnsafeMutablePointer<Element>.allocate(capacity: rounded)
    }

    deinit {
        let first = head.load(ordering: .acquiring)
        let end = tail.load(ordering: .acquiring)
        var index = first
        while index != end {
            (storage + (index & mask)).deinitialize(count: 1)
            index &+= 1
        }
        storage.deallocate()
    }
}
