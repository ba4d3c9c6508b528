/// The control-relevant description of one distributed resource, as the kernel sees it.
///
/// Power is generation-positive throughout OpenDSO: a discharging battery or producing PV is positive,
/// a charging battery or a load is negative. The interface point's net import is the negative sum.
public struct ResourceSpec: Sendable, Hashable, Codable {
    /// Unique name, as engineers and the historian refer to it.
    public var id: String
    public var kind: ResourceKind
    /// Index of the interface point this resource sits behind.
    public var interfacePoint: Int
    /// Highest output the device can ever reach, kW (battery: discharge rating; PV: inverter rating; load: 0).
    public var maximumKW: Double
    /// Lowest output, kW (battery: minus the charge rating; load and DR: minus peak consumption; PV: 0).
    public var minimumKW: Double
    /// Largest change of output per second the device accepts, kW/s (∞ when unlimited).
    public var rampKWPerSecond: Double
    /// Usable energy, kWh (batteries only; 0 otherwise).
    public var energyCapacityKWh: Double
    /// State-of-charge band the kernel keeps the battery inside over hours (fractions 0…1).
    public var socBand: ClosedRange<Double>
    /// Hard state-of-charge limits beyond which the battery must not be pushed (fractions 0…1).
    public var socLimits: ClosedRange<Double>
    /// Offer curve used by the economic dispatch.
    public var cost: MarginalCost
    /// Whether this resource contributes to the regulation award.
    public var providesRegulation: Bool
    /// Known delay between a set point leaving the kernel and the device starting to act, seconds.
    public var commandDelaySeconds: Double
    /// Known first-order response time constant of the device, seconds.
    public var responseTimeConstantSeconds: Double

    public init(
        id: String, kind: ResourceKind, interfacePoint: Int,
        maximumKW: Double, minimumKW: Double,
        rampKWPerSecond: Double = .infinity,
        energyCapacityKWh: Double = 0,
        socBand: ClosedRange<Double> = 0.2...0.8,
        socLimits: ClosedRange<Double> = 0.05...0.95,
        cost: MarginalCost = MarginalCost(linearPerKWh: 0),
        providesRegulation: Bool = false,
        commandDelaySeconds: Double = 0,
        responseTimeConstantSeconds: Double = 0
    ) {
        self.id = id
        self.kind = kind
        self.interfacePoint = interfacePoint
        self.maximumKW = maximumKW
        self.minimumKW = minimumKW
        self.rampKWPerSecond = rampKWPerSecond
        self.energyCapacityKWh = energyCapacityKWh
        self.socBand = socBand
        self.socLimits = socLimits
        self.cost = cost
        self.providesRegulation = providesRegulation
        self.commandDelaySeconds = commandDelaySeconds
        self.responseTimeConstantSeconds = responseTimeConstantSeconds
    }
}
