import DSOKernel
import DSOModel
import DSORuntime

/// Schedules on the wall clock (issue 14, finding 7): kernel time restarts at 0 with every run, so the
/// configuration's schedules are placed from a UTC anchor that a restart keeps, and the intervals other
/// producers sent (operator overrides, the ISO's targets, the market's plans) are restored from the
/// historian. Control queue only.
extension SubstationService {
    /// At start, once the clock is pinned: the configured schedules from their anchor, then what earlier runs
    /// had in force, in the order they were received.
    func loadSchedules() {
        let epochUnixSeconds = loop.epoch.unixSeconds(atKernelSeconds: 0)
        let nowUnixSeconds = KernelEpoch.unixSecondsNow()
        let configured = configuration.schedules
        let digest = ScheduleAnchor.digest(of: configured)
        let memory = scheduleMemory
        let anchor: ScheduleAnchor
        if let configuredAnchor = configuration.service.scheduleAnchorUnixSeconds {
            anchor = ScheduleAnchor(unixSeconds: configuredAnchor, digest: digest)
            log.info("schedules: start_s counts from schedule_anchor_utc = \(UTCTimestamp.text(unixSeconds: configuredAnchor))")
        } else if let previous = memory?.previousScheduleAnchor(), previous.digest == digest,
                  configured.contains(where: { previous.unixSeconds + $0.endSeconds > nowUnixSeconds }) {
            // The same schedules, still running: carry on from the same instant instead of shifting the day.
            anchor = previous
            log.notice("schedules: the previous run's schedules are still in force; start_s counts from "
                       + "\(UTCTimestamp.text(unixSeconds: previous.unixSeconds)) as before")
        } else {
            anchor = ScheduleAnchor(unixSeconds: epochUnixSeconds, digest: digest)
            log.info("schedules: start_s counts from this run's start, \(UTCTimestamp.text(unixSeconds: epochUnixSeconds))")
        }
        scheduleAnchor = anchor
        memory?.noteScheduleAnchor(anchor, kernelEpochUnixSeconds: epochUnixSeconds)
        schedules.enqueue(anchored(configured, noting: false), source: "config:\(configuration.path)")
        if let memory {
            let remembered = memory.intervalsInForce(atUnixSeconds: nowUnixSeconds)
            for interval in remembered {
                let entry = ScheduleEntry(
                    interfacePoint: interval.interfacePoint,
                    startSeconds: loop.epoch.kernelSeconds(atUnixSeconds: interval.startUnixSeconds),
                    endSeconds: loop.epoch.kernelSeconds(atUnixSeconds: interval.endUnixSeconds),
                    netImportKW: interval.netImportKW, layer: interval.layer)
                schedules.enqueue([entry], source: interval.source)
            }
            if !remembered.isEmpty {
                let layers = Dictionary(grouping: remembered, by: \.layer).map { "\($0.value.count) \($0.key)" }.sorted()
                log.notice("schedules: restored \(remembered.count) intervals in force from earlier runs (\(layers.joined(separator: ", ")))")
            }
        }
        pumpSchedules()
    }

    /// The component that remembers earlier runs (dsod's historian), if any.
    var scheduleMemory: (any ScheduleMemory)? { components.lazy.compactMap { $0 as? any ScheduleMemory }.first }

    /// The configuration's intervals (`start_s` from the anchor) on this run's kernel clock. On a reload with
    /// other schedules (`noting`), the anchor's digest is updated so a restart carries the new ones on.
    func anchored(_ entries: [ScheduleEntry], noting: Bool) -> [ScheduleEntry] {
        guard var anchor = scheduleAnchor else { return entries }
        let epochUnixSeconds = loop.epoch.unixSeconds(atKernelSeconds: 0)
        if noting {
            let digest = ScheduleAnchor.digest(of: entries)
            if digest != anchor.digest {
                anchor.digest = digest
                scheduleAnchor = anchor
                scheduleMemory?.noteScheduleAnchor(anchor, kernelEpochUnixSeconds: epochUnixSeconds)
            }
        }
        // Exactly 0 for a fresh anchor (this run's start), so start_s = 0 covers the first cycle.
        let offsetSeconds = anchor.unixSeconds == epochUnixSeconds ? 0 : anchor.unixSeconds - epochUnixSeconds
        return entries.map { entry in
            var shifted = entry
            shifted.startSeconds += offsetSeconds
            shifted.endSeconds += offsetSeconds
            return shifted
        }
    }

    /// The kernel's verdict with its source (the feed's ticket for the schedule-files ring) and its UTC interval.
    func verdict(on outcome: ScheduleOutcome) -> ScheduleVerdict {
        let source = outcome.producer == .scheduleFiles
            ? schedules.takeSource(ofTicket: outcome.entry.ticket) ?? "schedule-files"
            : outcome.producer.auditSource
        return ScheduleVerdict(outcome: outcome, source: source,
                               startUnixSeconds: loop.epoch.unixSeconds(atKernelSeconds: outcome.entry.startSeconds),
                               endUnixSeconds: loop.epoch.unixSeconds(atKernelSeconds: outcome.entry.endSeconds))
    }
}

extension InboundProducer {
    /// The `source` a schedule verdict carries in the audit trail when the producer does not name one.
    var auditSource: String {
        switch self {
        case .market: "market"
        case .scheduleFiles: "schedule-files"
        case .api: "api"
        case .isoLink: "iso-link"
        case .operatorCommands: "operator"
        }
    }
}
