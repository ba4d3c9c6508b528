/// The ratings of one simulated PV system and the irradiance shape it follows.
public struct PVParameters: Sendable {
    /// Inverter AC rating, kW: output at irradiance 1 per unit.
    public var ratingKW: Double
    /// Per-unit irradiance over the day (0…1), shared with every other system that uses it.
    public var irradiance: Profile
    /// Multiplier on the profile (e.g. 0.9 for a shaded or east-facing roof).
    public var profileScale: Double
    /// Largest change of output per second when following a curtailment command, kW/s (∞: unlimited).
    public var rampKWPerSecond: Double
    /// First-order response time constant of curtailment, seconds.
    public var timeConstantSeconds: Double
    /// Delay from a curtailment command being given to it taking effect, seconds.
    public var commandDelaySeconds: Double
    /// Pending-command ring size; must cover delay ÷ command period.
    public var commandCapacity: Int

    public init(
        ratingKW: Double, irradiance: Profile, profileScale: Double = 1,
        rampKWPerSecond: Double = .infinity, timeConstantSeconds: Double = 0,
        commandDelaySeconds: Double = 0, commandCapacity: Int = 256
    ) {
        self.ratingKW = ratingKW
        self.irradiance = irradiance
        self.profileScale = profileScale
        self.rampKWPerSecond = rampKWPerSecond
        self.timeConstantSeconds = timeConstantSeconds
        self.commandDelaySeconds = commandDelaySeconds
        self.commandCapacity = commandCapacity
    }
}
