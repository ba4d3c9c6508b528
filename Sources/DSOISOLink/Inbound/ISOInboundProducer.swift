public import DSOKernel
public import DSOModel

/// The ISO link's side of the kernel's inbound rings: it is the one producer of regulation messages and
/// schedules while the link runs.
///
/// Messages wait in a small FIFO when a ring is full and are retried on every pass of the link loop, in
/// order; nothing is dropped. Link thread only.
public struct ISOInboundProducer {
    private let inbound: KernelInbound
    private var regulation: [RegulationMessage] = []
    private var schedules: [ScheduleEntry] = []
    /// Messages and schedules the kernel's rings have taken.
    public private(set) var pushedRegulation = 0
    public private(set) var pushedSchedules = 0

    /// `initialAwardKW` and `initialSchedules` (the scenario's) go first, as if the ISO had sent them.
    public init(inbound: KernelInbound, initialAwardKW: Double?, initialSchedules: [ScheduleEntry]) {
        self.inbound = inbound
        if let initialAwardKW { regulation.append(.award(kw: initialAwardKW, at: 0)) }
        schedules = initialSchedules
    }

    /// Queues validated commands, stamped with the kernel's time, and pushes what the rings take.
    public mutating func submit(_ commands: [ISOCommand], kernelSeconds: Double) {
        for command in commands {
            switch command {
            case .signal(let normalized, let sequence):
                regulation.append(.signal(normalized, sequence: sequence, at: kernelSeconds))
            case .award(let kw):
                regulation.append(.award(kw: kw, at: kernelSeconds))
            case .dispatchTarget(let point, let kw, let duration):
                schedules.append(ScheduleEntry(interfacePoint: point, startSeconds: kernelSeconds,
                                               endSeconds: kernelSeconds + duration, netImportKW: kw))
            }
        }
        flush()
    }

    /// Pushes waiting messages in order until a ring refuses.
    public mutating func flush() {
        var taken = 0
        while taken < regulation.count, inbound.regulation.push(regulation[taken]) { taken += 1 }
        regulation.removeFirst(taken)
        pushedRegulation += taken
        taken = 0
        while taken < schedules.count, inbound.schedules.push(schedules[taken]) { taken += 1 }
        schedules.removeFirst(taken)
        pushedSchedules += taken
    }

    /// Messages still waiting for room in a ring.
    public var waiting: Int { regulation.count + schedules.count }
}
