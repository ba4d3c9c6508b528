public import DSOKernel

/// The recorder thread's adapter from kernel records to historian entries, applying the decimation.
///
/// Owned by the one thread that consumes `kernel.records`; call `take` for each cycle record, each event
/// and each resource snapshot. It copies what it needs at once (the record's frame returns to the kernel
/// right after), stamps wall time, and queues; it never waits on the disk.
public final class HistorianFeed {
    public let historian: Historian
    private let wallClock: () -> Double
    private var lastTelemetryTimeSeconds = -Double.infinity
    /// Entries the historian refused (queue full); also counted there.
    public private(set) var refusedEntries = 0

    public init(historian: Historian,
                wallClock: @escaping () -> Double = WallClock.nowUnixSeconds) {
        self.historian = historian
        self.wallClock = wallClock
    }

    /// A cycle record: stored when its cycle index falls on the configured decimation.
    public func take(_ record: CycleRecord) {
        let every = Int64(historian.configuration.cycleSummaryEveryCycles)
        guard record.cycleIndex % every == 0 else { return }
        let points = (0..<record.netImportKW.count).map { index in
            InterfacePointSample(interfacePoint: index, netImportKW: record.netImportKW[index],
                                 scheduledKW: record.scheduledKW[index], aceKW: record.aceKW[index],
                                 regulationRequestKW: record.regulationRequestKW[index], flags: record.flags[index])
        }
        queue(.cycle(CycleSummary(
            wallTimeSeconds: wallClock(), cycleIndex: record.cycleIndex, timeSeconds: record.timeSeconds,
            signal: record.signal, awardKW: record.awardKW, regulationTargetKW: record.regulationTargetKW,
            regulationCommandKW: record.regulationCommandKW, regulationResponseKW: record.regulationResponseKW,
            regulationAvailableUpKW: record.regulationAvailableUpKW,
            regulationAvailableDownKW: record.regulationAvailableDownKW, aggregateSOC: record.aggregateSOC.finiteOrNil,
            controllableResources: record.controllableResources, setpointDigest: record.setpointDigest,
            interfacePoints: points)))
    }

    /// A kernel event: always stored.
    public func take(_ event: KernelEvent) {
        queue(.event(EventRecord(event, wallTimeSeconds: wallClock())))
    }

    /// Per-resource telemetry and set points: stored at most every `telemetryIntervalSeconds` of kernel time.
    /// Returns whether this snapshot was stored.
    @discardableResult
    public func take(_ snapshot: ResourceSnapshot) -> Bool {
        guard snapshot.timeSeconds - lastTelemetryTimeSeconds >= historian.configuration.telemetryIntervalSeconds
                || snapshot.timeSeconds < lastTelemetryTimeSeconds
        else { return false }
        lastTelemetryTimeSeconds = snapshot.timeSeconds
        let wall = wallClock()
        for index in 0..<snapshot.resourceCount { queue(.telemetry(snapshot.sample(index, wallTimeSeconds: wall))) }
        return true
    }

    private func queue(_ entry: HistorianEntry) {
        if !historian.record(entry) { refusedEntries += 1 }
    }
}
