public import DSOModel
public import DSORuntime
import DSODispatch

/// The deterministic fixed-cycle control kernel: one `step` per cycle runs the phases in order.
///
/// `step(atNanoseconds:)` is a pure function of the kernel's state, the drained inbound messages and the
/// telemetry board's contents: it reads no clock, does no I/O, takes no lock and, once running, does not
/// allocate. The caller owns time — a `CycleTimer` on the real clock or a loop on a virtual clock — which
/// is what makes runs replayable bit for bit.
public final class ControlKernel: @unchecked Sendable {
    // Sendable: all mutable state is confined to the thread that calls `step`; other threads reach the
    // kernel only through the SPSC rings in `inbound`, `journal` and `records` and the telemetry board hand-over.
    public let configuration: KernelConfiguration
    public let model: SubstationModel
    public let resources: ResourceTable
    public let state: ResourceState
    public let interfacePoints: InterfacePointState
    /// Envelope and controllability of each resource, decided once per cycle by the snapshot phase.
    public let envelope: ResourceEnvelope
    public internal(set) var regulation = RegulationState()
    public internal(set) var counters = KernelCounters()

    /// Written by the device side between cycles; copied into `image` by the snapshot phase. The one part
    /// of the kernel other modules write: that is its purpose.
    public let board: TelemetryFrame
    /// The frozen input image every phase of a cycle reads.
    public let image: TelemetryImage
    public let setpoints: SetpointFrame
    /// The one way in: a ring per producer, drained in `InboundProducer` order by phase 1.
    public let inbound: InboundPort
    /// When input capture is on: every message the kernel drained, with its producer, in drain order
    /// (consumed on the cycle thread after each step; sized so one cycle's messages always fit).
    public let journal: SPSCRing<InboundRecord>?
    /// Kernel → whoever answers the producers: the verdict on every schedule entry drained (sized so one
    /// cycle's entries always fit; a full ring counts `droppedScheduleOutcomes`).
    public let scheduleOutcomes: SPSCRing<ScheduleOutcome>
    public let records: RecordChannel

    var solver: EconomicDispatchSolver
    /// Index of the current cycle on the time grid, and its time.
    public internal(set) var cycleIndex: Int64 = -1
    public internal(set) var nowNanoseconds: Int64 = 0
    public internal(set) var nowSeconds: Double = 0
    /// Seconds since the previous cycle (the period, or more after missed cycles).
    public internal(set) var elapsedSeconds: Double = 0
    public internal(set) var setpointDigest: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Regulating resources' share of the award held back from the economic dispatch, 0…1 of their rating.
    public internal(set) var regulationReserveFraction: Double = 0

    public init(model: SubstationModel, configuration: KernelConfiguration = KernelConfiguration(),
                inbound: InboundPort = InboundPort(), journalCapacity: Int? = nil,
                recordFrames: Int = 1024) throws(ModelError) {
        let problems = configuration.problems()
        if let first = problems.first { throw ModelError(key: "kernel", message: problems.count == 1 ? first : problems.joined(separator: "; ")) }
        self.configuration = configuration
        self.model = model
        resources = ResourceTable(model.resources)
        let period = configuration.periodSeconds
        let longestDelay = model.resources.map(\.commandDelaySeconds).max() ?? 0
        state = ResourceState(count: model.resources.count, historyLength: Int((longestDelay / period).rounded(.up)) + 2)
        envelope = ResourceEnvelope(count: model.resources.count)
        interfacePoints = InterfacePointState(model, scheduleCapacity: configuration.scheduleCapacity)
        board = TelemetryFrame(resourceCount: model.resources.count, interfacePointCount: model.interfacePoints.count)
        image = TelemetryImage(resourceCount: model.resources.count, interfacePointCount: model.interfacePoints.count)
        setpoints = SetpointFrame(resourceCount: model.resources.count)
        self.inbound = inbound
        journal = journalCapacity.map { SPSCRing(capacity: $0) }
        scheduleOutcomes = SPSCRing(capacity: inbound.totalCapacity)
        records = RecordChannel(interfacePointCount: model.interfacePoints.count, frameCount: recordFrames)
        let largestGroup = model.memberRanges.map(\.count).max() ?? 0
        solver = EconomicDispatchSolver(maximumResourceCount: max(largestGroup, 1))
        for index in 0..<resources.count {
            let initial = Self.fallbackSetpointKW(resources, index)
            state.setpointKW[index] = initial
            state.basePointKW[index] = initial
            state.modelledKW[index] = 0
        }
    }

    /// Runs one cycle at `nanoseconds` on the kernel's clock (grid time, not the wall clock).
    ///
    /// Cycles must come in increasing time; a gap of several periods (missed ticks) is handled by using
    /// the real elapsed time in rates and integrators.
    public func step(atNanoseconds nanoseconds: Int64) {
        let previous = nowNanoseconds
        nowNanoseconds = nanoseconds
        nowSeconds = Double(nanoseconds) / 1e9
        elapsedSeconds = cycleIndex < 0 ? configuration.periodSeconds : max(0, Double(nanoseconds &- previous) / 1e9)
        cycleIndex &+= 1
        counters.cycles &+= 1

        DrainInboundPhase.run(self)
        TelemetrySnapshotPhase.run(self)
        NettingPhase.run(self)
        RegulationPhase.run(self)
        DispatchPhase.run(self)
        LimitsAndSafetyPhase.run(self)
        PublishPhase.run(self)
        RecordPhase.run(self)
    }

    /// Runs only `phase` (tests and per-phase benchmarks); the cycle's clock must already be set.
    public func run(_ phase: CyclePhase) {
        switch phase {
        case .drainInbound: DrainInboundPhase.run(self)
        case .snapshotTelemetry: TelemetrySnapshotPhase.run(self)
        case .netting: NettingPhase.run(self)
        case .regulation: RegulationPhase.run(self)
        case .dispatch: DispatchPhase.run(self)
        case .limitsAndSafety: LimitsAndSafetyPhase.run(self)
        case .publish: PublishPhase.run(self)
        case .record: RecordPhase.run(self)
        }
    }

    /// Sets the cycle clock without running phases (tests drive single phases with it).
    public func setClock(nanoseconds: Int64, elapsedSeconds: Double) {
        nowNanoseconds = nanoseconds
        nowSeconds = Double(nanoseconds) / 1e9
        self.elapsedSeconds = elapsedSeconds
        cycleIndex &+= 1
    }

    /// The timer driver reports cycles it could not run on their grid point.
    public func noteOverruns(_ count: Int) { counters.overruns &+= count }

    /// Publishes every resource's documented fallback, valid for one time-to-live from `nanoseconds`:
    /// what a stopping service leaves at its devices. The publish sequence does not advance.
    public func publishFallbackSetpoints(atNanoseconds nanoseconds: Int64) {
        let validUntil = nanoseconds &+ Int64(configuration.setpointTTLSeconds * 1e9)
        for index in 0..<setpoints.resourceCount {
            setpoints.setpointKW[index] = Self.fallbackSetpointKW(resources, index)
            setpoints.validUntilNanoseconds[index] = validUntil
            setpoints.isFallback[index] = true
        }
    }

    /// The documented fallback of a resource that is not controllable: what its set point becomes.
    ///
    /// Battery: 0 kW (idle). PV: its rating (curtailment released; the inverter's own limits apply).
    /// DR: its minimum (no curtailment, the load consumes as it wishes). Load: not controlled (0).
    public static func fallbackSetpointKW(_ resources: ResourceTable, _ index: Int) -> Double {
        switch resources.kind[index] {
        case ResourceKind.batteryCode: 0
        case ResourceKind.pvCode: resources.maximumKW[index]
        case ResourceKind.demandResponseCode: resources.minimumKW[index]
        default: 0
        }
    }

    /// Hands an event to the events ring; when the ring is full (its reader fell behind) the event is
    /// lost, and counted, since the kernel never waits.
    func raise(_ event: KernelEvent) {
        if !records.events.push(event) { counters.droppedEvents &+= 1 }
    }
}
