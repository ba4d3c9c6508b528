/// One aggregated demand-response programme: a load of which a share can be shed inside its call windows.
public struct DemandResponseParameters: Sendable {
    /// Baseline consumption at profile value 1, kW (positive).
    public var peakKW: Double
    /// Per-unit baseline consumption over the day.
    public var shape: Profile
    /// Multiplier on the profile.
    public var profileScale: Double
    /// Fraction of the current baseline that may be shed (0…1).
    public var curtailableShare: Double
    /// Absolute cap on the shed load, kW.
    public var maxCurtailmentKW: Double
    /// When the programme may be called; empty means always.
    public var windows: [AvailabilityWindow]
    /// Delay from a request being given to the participants acting on it, seconds.
    public var responseDelaySeconds: Double
    /// First-order response time constant of the aggregate, seconds.
    public var timeConstantSeconds: Double
    /// Largest change of curtailment per second, kW/s (∞: unlimited).
    public var rampKWPerSecond: Double
    /// Pending-command ring size; must cover delay ÷ command period.
    public var commandCapacity: Int

    public init(
        peakKW: Double, shape: Profile, profileScale: Double = 1,
        curtailableShare: Double, maxCurtailmentKW: Double, windows: [AvailabilityWindow] = [],
        responseDelaySeconds: Double = 0, timeConstantSeconds: Double = 0,
        rampKWPerSecond: Double = .infinity, commandCapacity: Int = 256
    ) {
        self.peakKW = peakKW
        self.shape = shape
        self.profileScale = profileScale
        self.curtailableShare = curtailableShare
        self.maxCurtailmentKW = maxCurtailmentKW
        self.windows = windows
        self.responseDelaySeconds = responseDelaySeconds
        self.timeConstantSeconds = timeConstantSeconds
        self.rampKWPerSecond = rampKWPerSecond
        self.commandCapacity = commandCapacity
    }
}
