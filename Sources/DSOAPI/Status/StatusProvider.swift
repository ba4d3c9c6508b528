import Synchronization

/// Where the API gets the plant's state: the latest snapshot, cheap to call from any request.
public protocol StatusProvider: Sendable {
    func snapshot() -> StatusSnapshot
}

/// The usual provider: the recorder thread publishes a snapshot (a few times a second), requests read
/// the latest; the live histograms are read at request time so /metrics is current.
public final class LatestStatus: StatusProvider {
    private let latest: Mutex<StatusSnapshot>
    public let cycleDuration: LatencyHistogram?
    public let cycleLateness: LatencyHistogram?

    public init(initial: StatusSnapshot, cycleDuration: LatencyHistogram? = nil, cycleLateness: LatencyHistogram? = nil) {
        latest = Mutex(initial)
        self.cycleDuration = cycleDuration
        self.cycleLateness = cycleLateness
    }

    /// Replaces the snapshot (recorder thread; never the kernel's).
    public func publish(_ snapshot: StatusSnapshot) {
        latest.withLock { $0 = snapshot }
    }

    public func snapshot() -> StatusSnapshot {
        var snapshot = latest.withLock { $0 }
        if let cycleDuration { snapshot.cycleDuration = cycleDuration.snapshot() }
        if let cycleLateness { snapshot.cycleLateness = cycleLateness.snapshot() }
        return snapshot
    }
}
