public import DSOModel

/// The one producer of a ring whose messages come from many tasks (the HTTP API's request handlers): an
/// actor, so pushes run one at a time, each after the previous one finished — what an SPSC ring needs of
/// its producer — without a lock around the ring.
public actor InboundRingWriter {
    private let ring: SPSCRing<InboundMessage>

    public init(port: InboundPort, producer: InboundProducer) {
        ring = port.ring(producer)
    }

    /// Pushes `messages` in order until the ring refuses one; returns how many went in (the caller tells
    /// its client about the rest).
    public func push(_ messages: [InboundMessage]) -> Int {
        var taken = 0
        while taken < messages.count, ring.push(messages[taken]) { taken += 1 }
        return taken
    }

    /// Messages this ring refused because it was full.
    public nonisolated var rejectedPushCount: Int { ring.rejectedPushCount }
}
