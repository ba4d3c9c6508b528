/// The kernel's cycle, counters and fleet-level regulation figures.
public struct KernelStatus: Sendable, Hashable, Codable {
    /// `starting` before the first cycle, `running`, `stopping`.
    public var state: String
    public var cycleIndex: Int64
    /// Seconds on the kernel's clock (0 at this run's start).
    public var timeSeconds: Double
    /// UTC of kernel time 0, seconds since 1970: kernel seconds + this = UTC (nil before the clock started).
    public var epochUnixSeconds: Double?
    public var cyclePeriodSeconds: Double
    public var cycles: Int
    public var overruns: Int
    public var droppedRecords: Int
    /// Kernel events lost because the events ring was full (its reader fell behind).
    public var droppedEvents: Int
    public var refusedSchedules: Int
    public var refusedCommands: Int
    public var infeasibleCycles: Int
    public var regulationEnabled: Bool
    /// Normalised regulation signal, −1…1.
    public var signal: Double
    public var awardKW: Double
    public var regulationTargetKW: Double
    public var regulationResponseKW: Double
    public var regulationAvailableUpKW: Double
    public var regulationAvailableDownKW: Double
    public var aggregateSOC: Double?
    public var controllableResources: Int
    /// The running set-point digest, hexadecimal.
    public var setpointDigest: String

    public init(state: String = "running", cycleIndex: Int64 = -1, timeSeconds: Double = 0,
                cyclePeriodSeconds: Double = 0.1, cycles: Int = 0, overruns: Int = 0, droppedRecords: Int = 0, droppedEvents: Int = 0,
                refusedSchedules: Int = 0, refusedCommands: Int = 0, infeasibleCycles: Int = 0,
                regulationEnabled: Bool = true, signal: Double = 0, awardKW: Double = 0, regulationTargetKW: Double = 0,
                regulationResponseKW: Double = 0, regulationAvailableUpKW: Double = 0,
                regulationAvailableDownKW: Double = 0, aggregateSOC: Double? = nil, controllableResources: Int = 0,
                setpointDigest: String = "", epochUnixSeconds: Double? = nil) {
        self.state = state
        self.epochUnixSeconds = epochUnixSeconds
        self.cycleIndex = cycleIndex
        self.timeSeconds = timeSeconds
        self.cyclePeriodSeconds = cyclePeriodSeconds
        self.cycles = cycles
        self.overruns = overruns
        self.droppedRecords = droppedRecords
        self.droppedEvents = droppedEvents
        self.refusedSchedules = refusedSchedules
        self.refusedCommands = refusedCommands
        self.infeasibleCycles = infeasibleCycles
        self.regulationEnabled = regulationEnabled
        self.signal = signal
        self.awardKW = awardKW
        self.regulationTargetKW = regulationTargetKW
        self.regulationResponseKW = regulationResponseKW
        self.regulationAvailableUpKW = regulationAvailableUpKW
        self.regulationAvailableDownKW = regulationAvailableDownKW
        self.aggregateSOC = aggregateSOC
        self.controllableResources = controllableResources
        self.setpointDigest = setpointDigest
    }
}
