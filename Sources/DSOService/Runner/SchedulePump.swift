import DSOModel

/// Feeds schedule entries into the kernel's schedule ring from the control queue, a ring-full at a time,
/// so a long schedule file never loses entries. Each entry keeps its source for the audit trail.
struct SchedulePump {
    private var pending: [ScheduleEntry] = []
    private var sources: [String] = []
    private var next = 0

    /// Queues `entries` after whatever is still pending (the kernel replaces intervals with equal starts).
    mutating func enqueue(_ entries: [ScheduleEntry], source: String) {
        pending.removeFirst(next)
        sources.removeFirst(next)
        next = 0
        pending.append(contentsOf: entries)
        sources.append(contentsOf: repeatElement(source, count: entries.count))
    }

    var isIdle: Bool { next >= pending.count }

    /// Hands what the kernel takes now to `submit` (which returns how many it took, in order); returns the
    /// entries that went in, grouped by consecutive source.
    mutating func pump(through submit: ([ScheduleEntry]) -> Int) -> [(source: String, entries: [ScheduleEntry])] {
        guard !isIdle else { return [] }
        let start = next
        next += max(0, min(submit(Array(pending[next...])), pending.count - next))
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
}
