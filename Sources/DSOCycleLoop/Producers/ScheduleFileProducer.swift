public import DSOModel
public import DSORuntime

/// A scenario's schedules on the cycle thread: queued once, pushed into the schedule-files ring before the
/// first cycles (a ring-full per cycle, in order), so a simulated run sees them exactly when a replay does.
public final class ScheduleFileProducer: CycleProducer {
    private var feed: ScheduleFeed

    public init(entries: [ScheduleEntry], source: String, port: InboundPort) {
        feed = ScheduleFeed(ring: port.ring(.scheduleFiles))
        feed.enqueue(entries, source: source)
    }

    public func produce(cycle: Int64, atNanoseconds nanoseconds: Int64, into port: InboundPort) {
        guard !feed.isIdle else { return }
        feed.pump()
    }
}
