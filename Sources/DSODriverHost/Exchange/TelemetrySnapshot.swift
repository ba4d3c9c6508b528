/// The latest read of one driver instance, published by its I/O thread and copied by the kernel
/// thread without blocking (a `SeqlockSlots` over status, read times, values and timestamps).
final class TelemetrySnapshot: @unchecked Sendable {
    // Sendable: one writer (the instance's I/O thread, or the caller in synchronous mode); the reader
    // (the kernel thread) only copies through the sequence lock into its own buffers.
    let pointCount: Int
    private let slots: SeqlockSlots
    /// The reader's last consistent copy (kernel thread only).
    private let copy: UnsafeMutablePointer<UInt64>
    private let scratch: UnsafeMutablePointer<UInt64>

    private static let statusSlot = 0, startedSlot = 1, finishedSlot = 2, header = 3

    init(pointCount: Int) {
        self.pointCount = pointCount
        let count = Self.header + 2 * pointCount
        slots = SeqlockSlots(count: count)
        copy = .allocate(capacity: count)
        copy.initialize(repeating: 0, count: count)
        scratch = .allocate(capacity: count)
        scratch.initialize(repeating: 0, count: count)
    }

    deinit {
        copy.deallocate()
        scratch.deallocate()
    }

    // MARK: writer side

    /// Publishes a read: its outcome, when it started and ended, and (when `values` is given) every
    /// point's value and timestamp.
    func publish(status: ReadStatus, startedNanoseconds: Int64, finishedNanoseconds: Int64,
                 values: UnsafePointer<Double>?, timestamps: UnsafePointer<Int64>?) {
        slots.beginPublish()
        slots.store(Self.statusSlot, UInt64(status.rawValue))
        slots.store(Self.startedSlot, UInt64(bitPattern: startedNanoseconds))
        slots.store(Self.finishedSlot, UInt64(bitPattern: finishedNanoseconds))
        if let values, let timestamps {
            for index in 0..<pointCount {
                slots.store(Self.header + index, values[index].bitPattern)
                slots.store(Self.header + pointCount + index, UInt64(bitPattern: timestamps[index]))
            }
        }
        slots.endPublish()
    }

    // MARK: reader side (kernel thread)

    /// Refreshes the reader's copy; keeps the previous copy if the writer was busy on every attempt.
    @inline(__always)
    func refresh() {
        if slots.read(into: scratch) != nil { copy.update(from: scratch, count: slots.count) }
    }

    @inline(__always) var status: ReadStatus { ReadStatus(rawValue: UInt8(truncatingIfNeeded: copy[Self.statusSlot])) ?? .noData }
    @inline(__always) var startedNanoseconds: Int64 { Int64(bitPattern: copy[Self.startedSlot]) }
    @inline(__always) var finishedNanoseconds: Int64 { Int64(bitPattern: copy[Self.finishedSlot]) }
    @inline(__always) func value(_ point: Int) -> Double { Double(bitPattern: copy[Self.header + point]) }
    @inline(__always) func timestamp(_ point: Int) -> Int64 { Int64(bitPattern: copy[Self.header + pointCount + point]) }
}

/// Outcome of an instance's latest read, as published in its snapshot.
enum ReadStatus: UInt8, Sendable {
    /// No read has completed yet.
    case noData = 0
    /// Values are good.
    case ok = 1
    /// The driver returned an error.
    case failed = 2
    /// The driver returned NaN or a value outside a mapped point's declared limits.
    case garbage = 3
    /// Reads are fine but writing set points failed: the kernel must not count on this device.
    case writeFailed = 4
    /// The read returned good values but after its deadline: stale until a read is on time again.
    case late = 5
}
