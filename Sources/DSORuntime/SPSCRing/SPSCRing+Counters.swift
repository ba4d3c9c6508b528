public import Synchronization

extension SPSCRing {
    /// Elements currently queued, from any thread; exact only when neither side is active,
    /// otherwise a value between the counts before and after the concurrent operations.
    @inlinable
    public var approximateCount: Int {
        let popped = head.load(ordering: .acquiring)
        let pushed = tail.load(ordering: .acquiring)
        return Swift.min(Swift.max(pushed &- popped, 0), capacity)
    }

    /// Successful pushes since creation; readable from any thread.
    @inlinable
    public var pushedCount: Int { tail.load(ordering: .relaxed) }

    /// Successful pops (including drained elements) since creation; readable from any thread.
    @inlinable
    public var poppedCount: Int { head.load(ordering: .relaxed) }

    /// Pushes refused because the ring was full; readable from any thread. A growing value means
    /// the consumer does not keep up.
    @inlinable
    public var rejectedPushCount: Int { rejectedPushes.load(ordering: .relaxed) }
}
