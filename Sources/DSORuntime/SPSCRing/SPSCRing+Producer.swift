public import Synchronization

extension SPSCRing {
    /// Appends `element` unless the ring is full. Producer thread only.
    ///
    /// A full ring is never silent: it returns `false`, counts the refusal in
    /// `rejectedPushCount`, and leaves the element with the caller to retry, drop or escalate.
    @inlinable
    @inline(__always)
    public func push(_ element: Element) -> Bool {
        let index = tail.load(ordering: .relaxed)
        if index &- producerCachedHead.load(ordering: .relaxed) >= capacity {
            let currentHead = head.load(ordering: .acquiring)
            producerCachedHead.store(currentHead, ordering: .relaxed)
            if index &- currentHead >= capacity {
                // Single writer: a plain load and store is enough (no read-modify-write).
                rejectedPushes.store(rejectedPushes.load(ordering: .relaxed) &+ 1, ordering: .relaxed)
                return false
            }
        }
        (storage + (index & mask)).initialize(to: element)
        tail.store(index &+ 1, ordering: .releasing)
        return true
    }
}
