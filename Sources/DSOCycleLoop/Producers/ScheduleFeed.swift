public import DSOModel
public import DSORuntime

/// Feeds schedule entries into one producer's ring, a ring-full at a time, so a long schedule file never
/// loses entries: what the ring refuses waits here, in order, for the next `pump`. Each entry keeps its
/// source for the audit trail: the feed stamps a ticket on every entry it pushes and `takeSource(ofTicket:)`
/// names the source when the kernel's verdict on that entry comes back.
///
/// The feed is used on one thread only — its ring's one producer (the cycle thread for a scenario, the
/// service's control queue for the configuration's files).
public struct ScheduleFeed {
    private let ring: SPSCRing<InboundMessage>
    private var pending: [ScheduleEntry] = []
    private var sources: [String] = []
    private var next = 0
    private var nextTicket: UInt32 = 1
    /// Sources of the entries in the ring whose verdict has not come back, by ticket.
    private var inFlight: [UInt32: String] = [:]

    private let tracksSources: Bool

    /// `tracksSources`: remember each pushed entry's source until `takeSource(ofTicket:)` (the service, which
    /// records verdicts with their source; a scenario's feed on the cycle thread does not, so it never allocates
    /// there).
    public init(ring: SPSCRing<InboundMessage>, tracksSources: Bool = false) {
        self.ring = ring
        self.tracksSources = tracksSources
    }

    /// Queues `entries` after whatever is still pending (the kernel replaces intervals with equal starts).
    public mutating func enqueue(_ entries: [ScheduleEntry], source: String) {
        pending.removeFirst(next)
        sources.removeFirst(next)
        next = 0
        pending.append(contentsOf: entries)
        sources.append(contentsOf: repeatElement(source, count: entries.count))
    }

    /// Whether everything queued has gone into the ring.
    public var isIdle: Bool { next >= pending.count }

    /// Entries still waiting for room in the ring.
    public var waiting: Int { pending.count - next }

    /// Pushes what the ring takes now, in order; returns the entries that went in, grouped by consecutive
    /// source (empty when nothing went in).
    @discardableResult
    public mutating func pump() -> [(source: String, entries: [ScheduleEntry])] {
        guard !isIdle else { return [] }
        let start = next
        while next < pending.count {
            var entry = pending[next]
            entry.ticket = nextTicket
            guard ring.push(.schedule(entry)) else { break }
            if tracksSources { inFlight[nextTicket] = sources[next] }
            nextTicket = nextTicket == .max ? 1 : nextTicket + 1
            next += 1
        }
        var batches: [(source: String, entries: [ScheduleEntry])] = []
        for index in start..<next {
            if batches.last?.source == sources[index] {
                batches[batches.count - 1].entries.append(pending[index])
            } else {
                batches.append((sources[index], [pending[index]]))
            }
        }
        return batches
    }

    /// The source of the entry with `ticket`, once (the kernel's verdict on it has come back); nil for a
    /// ticket this feed did not push.
    public mutating func takeSource(ofTicket ticket: UInt32) -> String? {
        inFlight.removeValue(forKey: ticket)
    }
}
