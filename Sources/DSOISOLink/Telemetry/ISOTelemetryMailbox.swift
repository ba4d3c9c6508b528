public import DSORuntime
import Synchronization

/// Hands the latest telemetry from the recorder side to the ISO link thread.
///
/// Written by the thread that consumes the kernel's records (never by the kernel, which must not block),
/// read by the link thread; the mutex is held only for a copy of a few numbers.
public final class ISOTelemetryMailbox: Sendable {
    private let state: Mutex<ISOTelemetry>
    private let interfacePointCount: Int

    public init(interfacePointCount: Int) {
        self.interfacePointCount = interfacePointCount
        state = Mutex(ISOTelemetry(interfacePointCount: interfacePointCount))
    }

    /// Publishes one cycle's telemetry (recorder thread): `fill` writes the values, the mailbox stamps the
    /// time and counts the heartbeat.
    public func publish(atMonotonicSeconds nowSeconds: Double = MonotonicClock.seconds(),
                        _ fill: (inout ISOTelemetry) -> Void) {
        state.withLock { telemetry in
            fill(&telemetry)
            telemetry.publishedAtSeconds = nowSeconds
            telemetry.heartbeat &+= 1
        }
    }

    /// Whether the kernel refused the last dispatch operating target (recorder thread, from its verdicts).
    public func setDispatchTargetRefused(_ refused: Bool) {
        state.withLock { $0.dispatchTargetRefused = refused }
    }

    /// Whether regulation is in its fallback (the kernel's signal went stale; recorder thread).
    public func setRegulationFallback(_ active: Bool) {
        state.withLock { $0.regulationFallback = active }
    }

    /// The latest telemetry (link thread).
    public func latest() -> ISOTelemetry {
        state.withLock { $0 }
    }
}
