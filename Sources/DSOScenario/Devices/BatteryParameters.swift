/// The physical ratings of one simulated battery, as its nameplate and BMS define them.
public struct BatteryParameters: Sendable, Hashable {
    /// Largest discharge power, kW (positive).
    public var maxDischargeKW: Double
    /// Largest charge power, kW (positive magnitude).
    public var maxChargeKW: Double
    /// Usable energy between SOC 0 and 1, kWh.
    public var capacityKWh: Double
    /// Fraction of AC charging energy that ends up stored (0 < η ≤ 1).
    public var chargeEfficiency: Double
    /// Fraction of stored energy delivered as AC when discharging (0 < η ≤ 1).
    public var dischargeEfficiency: Double
    /// State of charge at the start of the run (fraction 0…1).
    public var initialSOC: Double
    /// Hard SOC limits enforced by the BMS: power in the direction that would cross one is forced to 0.
    public var socLimits: ClosedRange<Double>
    /// Largest change of output per second, kW/s (∞: unlimited).
    public var rampKWPerSecond: Double
    /// First-order response time constant, seconds (0: instantaneous).
    public var timeConstantSeconds: Double
    /// Delay from a command being given to it taking effect, seconds.
    public var commandDelaySeconds: Double
    /// Pending-command ring size; must cover delay ÷ command period.
    public var commandCapacity: Int

    public init(
        maxDischargeKW: Double, maxChargeKW: Double, capacityKWh: Double,
        chargeEfficiency: Double = 0.95, dischargeEfficiency: Double = 0.95,
        initialSOC: Double = 0.5, socLimits: ClosedRange<Double> = 0.05...0.95,
        rampKWPerSecond: Double = .infinity, timeConstantSeconds: Double = 0,
        commandDelaySeconds: Double = 0, commandCapacity: Int = 256
    ) {
        self.maxDischargeKW = maxDischargeKW
        self.maxChargeKW = maxChargeKW
        self.capacityKWh = capacityKWh
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.initialSOC = initialSOC
        self.socLimits = socLimits
        self.rampKWPerSecond = rampKWPerSecond
        self.timeConstantSeconds = timeConstantSeconds
        self.commandDelaySeconds = commandDelaySeconds
        self.commandCapacity = commandCapacity
    }
}
