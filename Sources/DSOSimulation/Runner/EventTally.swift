import DSOScenario
public import DSOKernel

/// Counts the kernel's events by kind and keeps the first few of each for the run's summary.
public struct EventTally: Sendable {
    public private(set) var counts: [KernelEvent.Code: Int] = [:]
    public private(set) var firstEvents: [KernelEvent] = []
    static let keptPerCode = 3

    public init() {}

    mutating func add(_ event: KernelEvent) {
        let count = counts[event.code, default: 0] + 1
        counts[event.code] = count
        if count <= Self.keptPerCode { firstEvents.append(event) }
    }

    public var total: Int { counts.values.reduce(0, +) }
}
