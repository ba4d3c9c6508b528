public import DSOKernel
public import DSORuntime
import Synchronization

/// Hands the latest telemetry from the recorder side to the ISO link thread.
///
/// Written by the thread that consumes the kernel's records (never by the kernel, which must not block),
/// read by the link thread; the mutex is held only for a copy of a few numbers.
public final class ISOTelemetryBoard: Sendable {
    private let state: Mutex<ISOTelemetry>
    private let interfacePointCount: Int

    public init(interfacePointCount: Int) {
        self.interfacePointCount = interfacePointCount
        state = Mutex(ISOTelemetry(interfacePointCount: interfacePointCount))
    }

    /// Copies one cycle record (recorder thread).
    public func publish(_ record: CycleRecord, atMonotonicSeconds nowSeconds: Double = MonotonicClock.seconds()) {
        state.withLock { telemetry in
            telemetry.kernelSeconds = record.timeSeconds
            telemetry.publishedAtSeconds = nowSeconds
            telemetry.regulationResponseKW = record.regulationResponseKW
            telemetry.regulationTargetKW = record.regulationTargetKW
            telemetry.availableUpKW = record.regulationAvailableUpKW
            telemetry.availableDownKW = record.regulationAvailableDownKW
            telemetry.aggregateSOC = record.aggregateSOC
            telemetry.awardKW = record.awardKW
            telemetry.signal = record.signal
            telemetry.controllableResources = record.controllableResources
            telemetry.heartbeat &+= 1
            for point in 0..<interfacePointCount {
                telemetry.netImportKW[point] = record.netImportKW[point]
                telemetry.scheduledKW[point] = record.scheduledKW[point]
                telemetry.aceKW[point] = record.aceKW[point]
                telemetry.flags[point] = record.flags[point]
            }
        }
    }

    /// Notes the events that change the link status (recorder thread).
    public func note(_ event: KernelEvent) {
        switch event.code {
        case .regulationSignalStale: state.withLock { $0.regulationFallback = true }
        case .regulationSignalResumed: state.withLock { $0.regulationFallback = false }
        default: break
        }
    }

    /// The latest telemetry (link thread).
    public func latest() -> ISOTelemetry {
        state.withLock { $0 }
    }

    /// The kernel's clock now, estimated from the last record and the time since it was published;
    /// 0 before the first record (the run starts at kernel time 0).
    public func kernelSecondsEstimate(atMonotonicSeconds nowSeconds: Double = MonotonicClock.seconds()) -> Double {
        let telemetry = latest()
        guard telemetry.kernelSeconds.isFinite else { return 0 }
        return telemetry.kernelSeconds + max(0, nowSeconds - telemetry.publishedAtSeconds)
    }
}
