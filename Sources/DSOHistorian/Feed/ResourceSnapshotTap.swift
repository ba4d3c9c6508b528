public import DSORuntime
public import DSOKernel
import Synchronization

/// Takes a copy of the kernel's per-resource image and set points on the kernel's thread, between cycles,
/// without waiting and without allocating; other threads read the latest copy.
///
/// The kernel thread calls `capture(from:)` after `step` (every cycle or every few); if a reader holds the
/// copy at that moment the capture is skipped, never waited for. Readers (`latest()`) allocate their arrays.
public final class ResourceSnapshotTap: @unchecked Sendable {
    // Sendable: the columns below are read and written only while `lock` is held.
    private let lock = Mutex(false)
    private let measuredKW, availableUpKW, availableDownKW, soc, setpointKW, basePointKW, regulationKW: FixedColumn<Double>
    private let telemetryTimestampNanoseconds, validUntilNanoseconds: FixedColumn<Int64>
    private let faultCode: FixedColumn<UInt16>
    private let health: FixedColumn<UInt8>
    private let isFallback: FixedColumn<Bool>
    nonisolated(unsafe) private var cycleIndex: Int64 = -1
    nonisolated(unsafe) private var timeSeconds: Double = 0
    // Same invariant: `cycleIndex` and `timeSeconds` are touched only under `lock`.
    public let resourceCount: Int
    private let skipped = Atomic<Int>(0)

    public init(resourceCount: Int) {
        self.resourceCount = resourceCount
        func doubles() -> FixedColumn<Double> { FixedColumn(count: resourceCount, repeating: .nan) }
        measuredKW = doubles(); availableUpKW = doubles(); availableDownKW = doubles(); soc = doubles()
        setpointKW = doubles(); basePointKW = doubles(); regulationKW = doubles()
        telemetryTimestampNanoseconds = FixedColumn(count: resourceCount, repeating: .min)
        validUntilNanoseconds = FixedColumn(count: resourceCount, repeating: .min)
        faultCode = FixedColumn(count: resourceCount, repeating: 0)
        health = FixedColumn(count: resourceCount, repeating: ResourceState.healthNotYetKnown)
        isFallback = FixedColumn(count: resourceCount, repeating: true)
    }

    deinit {
        for column in [measuredKW, availableUpKW, availableDownKW, soc, setpointKW, basePointKW, regulationKW] {
            column.deallocate()
        }
        telemetryTimestampNanoseconds.deallocate(); validUntilNanoseconds.deallocate()
        faultCode.deallocate(); health.deallocate(); isFallback.deallocate()
    }

    /// Kernel thread, between cycles: copies the frozen image and the published set points. Returns false
    /// (and counts) when a reader held the copy; the next call catches up.
    @discardableResult
    public func capture(from kernel: ControlKernel) -> Bool {
        precondition(kernel.setpoints.resourceCount == resourceCount, "tap built for \(resourceCount) resources")
        let taken: Bool? = lock.withLockIfAvailable { _ in
            measuredKW.copy(from: kernel.image.measuredKW)
            availableUpKW.copy(from: kernel.image.availableUpKW)
            availableDownKW.copy(from: kernel.image.availableDownKW)
            soc.copy(from: kernel.image.soc)
            telemetryTimestampNanoseconds.copy(from: kernel.image.timestampNanoseconds)
            faultCode.copy(from: kernel.image.faultCode)
            health.copy(from: kernel.state.health)
            setpointKW.copy(from: kernel.setpoints.setpointKW)
            basePointKW.copy(from: kernel.setpoints.basePointKW)
            regulationKW.copy(from: kernel.setpoints.regulationKW)
            validUntilNanoseconds.copy(from: kernel.setpoints.validUntilNanoseconds)
            isFallback.copy(from: kernel.setpoints.isFallback)
            cycleIndex = kernel.cycleIndex
            timeSeconds = kernel.nowSeconds
            return true
        }
        if taken == nil { skipped.add(1, ordering: .relaxed) }
        return taken != nil
    }

    /// Captures skipped because a reader held the copy.
    public var skippedCaptures: Int { skipped.load(ordering: .relaxed) }

    /// The latest copy, or nil before the first capture.
    public func latest() -> ResourceSnapshot? {
        lock.withLock { _ in
            guard cycleIndex >= 0 else { return nil }
            func array<T>(_ column: FixedColumn<T>) -> [T] { (0..<resourceCount).map { column[$0] } }
            return ResourceSnapshot(
                cycleIndex: cycleIndex, timeSeconds: timeSeconds, measuredKW: array(measuredKW),
                availableUpKW: array(availableUpKW), availableDownKW: array(availableDownKW), soc: array(soc),
                telemetryTimestampNanoseconds: array(telemetryTimestampNanoseconds), faultCode: array(faultCode),
                health: array(health), setpointKW: array(setpointKW), basePointKW: array(basePointKW),
                regulationKW: array(regulationKW), validUntilNanoseconds: array(validUntilNanoseconds),
                isFallback: array(isFallback))
        }
    }
}
