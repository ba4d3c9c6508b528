import DSOKernel

/// Log lines for the kernel events that concern the ISO link (link loss, return, refused messages).
enum ISOLinkEventLog {
    /// A sentence for `event`, or nil when the ISO link has nothing to say about it.
    static func line(for event: KernelEvent, fallbackRampPerSecond: Double) -> String? {
        let time = String(format: "t=%.1f s", event.timeSeconds)
        switch event.code {
        case .regulationSignalStale:
            return "\(time) regulation signal stale: regulation ramps to zero at \(fallbackRampPerSecond * 100) % of the award per second"
        case .regulationSignalResumed:
            return "\(time) regulation signal resumed: regulation ramps back to the signal"
        case .regulationMessageRefused:
            return "\(time) kernel refused a regulation message (value \(event.value), sequence \(event.detail))"
        case .scheduleRefused:
            return "\(time) kernel refused a schedule entry for interface point \(event.subject) (\(event.value) kW from \(event.detail) s)"
        default:
            return nil
        }
    }
}
