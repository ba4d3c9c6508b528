public import DSOScenario
public import DSOKernel

/// How one simulated run is driven: how long, on which clock, with which signal, and what is written.
public struct SimulationOptions: Sendable {
    /// Which clock drives the cycles.
    public enum Clock: Sendable, Hashable {
        /// Cycles back to back, as fast as the CPU allows; time is the cycle index times the period.
        case virtual
        /// Cycles on a `CycleTimer` at the real period, as at a substation.
        case realTime
    }

    public var durationSeconds: Double
    public var clock: Clock
    /// A signal that replaces the scenario's.
    public var signalOverride: RegulationSignal?
    /// Where to write the per-sample CSV record (nil: none).
    public var recordPath: String?
    /// Where to capture the kernel's inputs for replay (nil: none).
    public var inputCapturePath: String?
    /// Called with a line each time a CAISO 15-minute interval or a PJM hour closes (nil: no live scores).
    public var liveScores: (@Sendable (String) -> Void)?
    /// The real ISO link owns the inbound port's ISO ring for this run: the scenario's signal and award
    /// are not played (SPSC: one producer per ring); its schedules still come from the schedule-files ring.
    public var externalISO = false
    /// Called on the recording thread with every cycle record and every kernel event (e.g. ISO telemetry).
    public var onRecord: (@Sendable (CycleRecord) -> Void)?
    public var onEvent: (@Sendable (KernelEvent) -> Void)?
    /// Virtual clock only: called on the loop's thread after each cycle (and its records drained) with the kernel
    /// and kernel time, s — where a market layer plans and pushes into its ring between cycles.
    public var afterEachCycle: (@Sendable (ControlKernel, Double) -> Void)?

    public init(durationSeconds: Double, clock: Clock = .virtual, signalOverride: RegulationSignal? = nil,
                recordPath: String? = nil, inputCapturePath: String? = nil,
                liveScores: (@Sendable (String) -> Void)? = nil) {
        self.durationSeconds = durationSeconds
        self.clock = clock
        self.signalOverride = signalOverride
        self.recordPath = recordPath
        self.inputCapturePath = inputCapturePath
        self.liveScores = liveScores
    }
}
