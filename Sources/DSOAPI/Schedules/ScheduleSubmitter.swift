public import DSOModel
public import DSORuntime
import Synchronization

/// Hands validated schedule intervals to the kernel; returns how many it took, in order (the rest were
/// refused because the ring was full).
public typealias ScheduleSubmitter = @Sendable ([ScheduleEntry]) -> Int

/// Makes any number of threads one producer of the kernel's schedule ring by serialising their pushes.
///
/// `kernel.inbound.schedules` is single-producer: every writer of schedules in the process (the API, the
/// market layer, the ISO link) must push through the same instance.
public final class SerializedScheduleSubmitter: Sendable {
    private let ring: Mutex<SPSCRing<ScheduleEntry>>

    public init(ring: SPSCRing<ScheduleEntry>) {
        self.ring = Mutex(ring)
    }

    /// Pushes entries in order until the ring refuses one; returns how many went in.
    public func submit(_ entries: [ScheduleEntry]) -> Int {
        ring.withLock { ring in
            var taken = 0
            while taken < entries.count, ring.push(entries[taken]) { taken += 1 }
            return taken
        }
    }

    /// The closure form the API takes.
    public var submitter: ScheduleSubmitter { { [self] entries in submit(entries) } }
}
