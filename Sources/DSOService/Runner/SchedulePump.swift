import DSOKernel
import DSOModel

/// Feeds schedule entries into the kernel's schedule ring from the control queue (its only producer),
/// a ring-full at a time, so a long schedule file never loses entries.
struct SchedulePump {
    private var pending: [ScheduleEntry] = []
    private var next = 0

    /// Queues `entries` after whatever is still pending (the kernel replaces intervals with equal starts).
    mutating func enqueue(_ entries: [ScheduleEntry]) {
        pending.removeFirst(next)
        next = 0
        pending.append(contentsOf: entries)
    }

    var isIdle: Bool { next >= pending.count }

    /// Pushes what the ring takes now; returns how many entries went in.
    @discardableResult
    mutating func pump(into kernel: ControlKernel) -> Int {
        let start = next
        while next < pending.count, kernel.inbound.schedules.push(pending[next]) { next += 1 }
        return next - start
    }
}
