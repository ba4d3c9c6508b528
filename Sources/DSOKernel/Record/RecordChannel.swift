public import DSORuntime

/// Carries cycle records and events out of the kernel without allocating: a pool of frames whose
/// indices travel kernel → recorder through `filled` and back through `free`.
///
/// If the recorder falls behind and no frame is free, the kernel skips the record and counts it
/// (`KernelCounters.droppedRecords`); it never waits.
public final class RecordChannel: Sendable {
    public let frames: [CycleRecord]
    /// Kernel → recorder: indices of frames holding a finished record.
    public let filled: SPSCRing<Int32>
    /// Recorder → kernel: indices of frames it is done with.
    public let free: SPSCRing<Int32>
    /// Kernel → logger/historian: events.
    public let events: SPSCRing<KernelEvent>

    public init(interfacePointCount: Int, frameCount: Int = 1024, eventCapacity: Int = 4096) {
        frames = (0..<frameCount).map { _ in CycleRecord(interfacePointCount: interfacePointCount) }
        filled = SPSCRing(capacity: frameCount)
        free = SPSCRing(capacity: frameCount)
        events = SPSCRing(capacity: eventCapacity)
        for index in 0..<frameCount { _ = free.push(Int32(index)) }
    }

    /// Recorder side: hands every finished record to `body` in cycle order, then returns the frames.
    @discardableResult
    public func consume(_ body: (CycleRecord) -> Void) -> Int {
        filled.drain { index in
            body(frames[Int(index)])
            _ = free.push(index)
        }
    }
}
