public import Synchronization

extension SPSCRing {
    /// Removes and returns the oldest element, or `nil` when the ring is empty. Consumer thread only.
    @inlinable
    @inline(__always)
    public func pop() -> Element? {
        let index = head.load(ordering: .relaxed)
        if index == consumerCachedTail.load(ordering: .relaxed) {
            let currentTail = tail.load(ordering: .acquiring)
            consumerCachedTail.store(currentTail, ordering: .relaxed)
            if index == currentTail { return nil }
        }
        let element = (storage + (index & mask)).move()
        head.store(index &+ 1, ordering: .releasing)
        return element
    }

    /// Pops every element visible when the call starts, oldest first, handing each to `body`;
    /// returns how many. Consumer thread only. Elements pushed meanwhile wait for the next call,
    /// so one drain per cycle has a bounded cost. Each slot is released before `body` runs.
    @inlinable
    @discardableResult
    public func drain(_ body: (Element) throws -> Void) rethrows -> Int {
        let first = head.load(ordering: .relaxed)
        let end = tail.load(ordering: .acquiring)
        consumerCachedTail.store(end, ordering: .relaxed)
        var index = first
        while index != end {
            let element = (storage + (index & mask)).move()
            index &+= 1
            head.store(index, ordering: .releasing)
            try body(element)
        }
        return end &- first
    }
}
