/// What the ISO may write: the bounds each written value is checked against.
public struct ISOWriteLimits: Sendable, Hashable {
    /// Largest award accepted, MW (the fleet's regulating capacity).
    public var maximumAwardMW: Double
    /// Per interface point: the import limit (kW, positive) and export limit (kW, positive) a target must respect.
    public var importLimitsKW: [Double]
    public var exportLimitsKW: [Double]
    /// A set point not refreshed for this long means the link was lost; the next counter starts afresh.
    public var signalTTLSeconds: Double
    /// How long a dispatch target holds when its duration register is 0, seconds.
    public var defaultTargetDurationSeconds: Double

    public init(maximumAwardMW: Double, importLimitsKW: [Double], exportLimitsKW: [Double],
                signalTTLSeconds: Double = 12, defaultTargetDurationSeconds: Double = 300) {
        self.maximumAwardMW = maximumAwardMW
        self.importLimitsKW = importLimitsKW
        self.exportLimitsKW = exportLimitsKW
        self.signalTTLSeconds = signalTTLSeconds
        self.defaultTargetDurationSeconds = defaultTargetDurationSeconds
    }

    public var interfacePointCount: Int { importLimitsKW.count }
}
