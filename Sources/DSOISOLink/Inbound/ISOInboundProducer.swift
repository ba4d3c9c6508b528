public import DSOModel
public import DSORuntime

/// The ISO link's ring into the kernel (`InboundProducer.isoLink`): regulation messages and dispatch
/// operating targets, stamped on the kernel's clock through the run's one `KernelEpoch`.
///
/// Messages wait in a small FIFO when the ring is full and are retried on every pass of the link loop, in
/// order; nothing is dropped. Link thread only: it is the ring's one producer.
public struct ISOInboundProducer {
    private let ring: SPSCRing<InboundMessage>
    private let epoch: KernelEpoch
    private var waitingMessages: [InboundMessage] = []
    /// Regulation messages and schedule entries the kernel's ring has taken.
    public private(set) var pushedRegulation = 0
    public private(set) var pushedSchedules = 0

    /// `initialAwardKW` goes first, as if the ISO had sent it.
    public init(port: InboundPort, epoch: KernelEpoch, initialAwardKW: Double?) {
        ring = port.ring(.isoLink)
        self.epoch = epoch
        if let initialAwardKW { waitingMessages.append(.regulation(.award(kw: initialAwardKW, at: 0))) }
    }

    /// Queues validated commands, stamped with the kernel's time now, and pushes what the ring takes.
    public mutating func submit(_ commands: [ISOCommand]) {
        let kernelSeconds = epoch.kernelSecondsNow()
        for command in commands {
            switch command {
            case .signal(let normalized, let sequence):
                waitingMessages.append(.regulation(.signal(normalized, sequence: sequence, at: kernelSeconds)))
            case .award(let kw):
                waitingMessages.append(.regulation(.award(kw: kw, at: kernelSeconds)))
            case .dispatchTarget(let point, let kw, let duration):
                waitingMessages.append(.schedule(ScheduleEntry(interfacePoint: point, startSeconds: kernelSeconds,
                                                               endSeconds: kernelSeconds + duration, netImportKW: kw,
                                                               layer: .dispatchTarget)))
            }
        }
        flush()
    }

    /// Pushes waiting messages in order until the ring refuses one.
    public mutating func flush() {
        var taken = 0
        while taken < waitingMessages.count, ring.push(waitingMessages[taken]) {
            if case .schedule = waitingMessages[taken] { pushedSchedules += 1 } else { pushedRegulation += 1 }
            taken += 1
        }
        waitingMessages.removeFirst(taken)
    }

    /// Messages still waiting for room in the ring.
    public var waiting: Int { waitingMessages.count }
}
