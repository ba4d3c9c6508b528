public import DSOModel

/// The kernel's one way in: a lock-free SPSC ring per producer, drained by the kernel at the start of each
/// cycle in `InboundProducer` order.
///
/// Each ring has exactly one producer thread (or task, or serial queue) — never a lock around a ring — and
/// the kernel thread as its consumer. A full ring refuses the push and counts it (`rejectedPushCount`); the
/// producer learns at once from `push`'s result and keeps the message, so nothing is dropped silently.
public final class InboundPort: Sendable {
    /// One ring per producer, indexed by `InboundProducer.rawValue`.
    private let rings: [SPSCRing<InboundMessage>]

    /// `capacities` per producer (rounded up to powers of two); absent producers get `defaultCapacity`.
    public init(capacities: [InboundProducer: Int] = [:], defaultCapacity: Int = 1024) {
        rings = InboundProducer.allCases.map { SPSCRing(capacity: capacities[$0] ?? defaultCapacity) }
    }

    /// The ring of `producer`: push from that producer's thread only.
    @inlinable
    public func ring(_ producer: InboundProducer) -> SPSCRing<InboundMessage> { ringStorage(producer) }

    @usableFromInline
    func ringStorage(_ producer: InboundProducer) -> SPSCRing<InboundMessage> { rings[Int(producer.rawValue)] }

    /// Slots of all rings together: the most messages one cycle can drain.
    public var totalCapacity: Int { rings.reduce(0) { $0 + $1.capacity } }

    /// Messages each producer's ring refused because it was full, for status and metrics.
    public func rejectedPushCounts() -> [InboundProducer: Int] {
        Dictionary(uniqueKeysWithValues: InboundProducer.allCases.map { ($0, rings[Int($0.rawValue)].rejectedPushCount) })
    }
}
