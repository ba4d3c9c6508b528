/// One resource's telemetry and set point at one (decimated) instant.
public struct TelemetrySample: Sendable, Hashable, Codable {
    public var wallTimeSeconds: Double
    /// Seconds on the kernel's clock.
    public var timeSeconds: Double
    public var resource: Int
    /// Generation-positive measured power, kW.
    public var measuredKW: Double?
    public var availableUpKW: Double?
    public var availableDownKW: Double?
    public var soc: Double?
    public var faultCode: Int
    /// `ResourceHealth` raw value (255: not yet known).
    public var health: Int
    public var setpointKW: Double?
    public var basePointKW: Double?
    public var regulationKW: Double?
    public var isFallback: Bool

    public init(wallTimeSeconds: Double, timeSeconds: Double, resource: Int, measuredKW: Double?,
                availableUpKW: Double? = nil, availableDownKW: Double? = nil, soc: Double? = nil, faultCode: Int = 0,
                health: Int = 0, setpointKW: Double? = nil, basePointKW: Double? = nil, regulationKW: Double? = nil,
                isFallback: Bool = false) {
        self.wallTimeSeconds = wallTimeSeconds
        self.timeSeconds = timeSeconds
        self.resource = resource
        self.measuredKW = measuredKW
        self.availableUpKW = availableUpKW
        self.availableDownKW = availableDownKW
        self.soc = soc
        self.faultCode = faultCode
        self.health = health
        self.setpointKW = setpointKW
        self.basePointKW = basePointKW
        self.regulationKW = regulationKW
        self.isFallback = isFallback
    }
}
