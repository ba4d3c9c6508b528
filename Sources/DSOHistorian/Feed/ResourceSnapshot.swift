/// Every resource's latest telemetry, health and set point at one cycle, as plain arrays indexed by resource.
public struct ResourceSnapshot: Sendable, Hashable {
    public var cycleIndex: Int64
    /// Seconds on the kernel's clock.
    public var timeSeconds: Double
    public var measuredKW: [Double]
    public var availableUpKW: [Double]
    public var availableDownKW: [Double]
    /// 0…1, NaN where the resource has none.
    public var soc: [Double]
    /// When the telemetry was measured, ns on the kernel's clock (`Int64.min`: never).
    public var telemetryTimestampNanoseconds: [Int64]
    public var faultCode: [UInt16]
    /// `ResourceHealth` raw values (255: not yet known).
    public var health: [UInt8]
    public var setpointKW: [Double]
    public var basePointKW: [Double]
    public var regulationKW: [Double]
    public var validUntilNanoseconds: [Int64]
    public var isFallback: [Bool]

    public var resourceCount: Int { measuredKW.count }

    public init(cycleIndex: Int64, timeSeconds: Double, measuredKW: [Double], availableUpKW: [Double],
                availableDownKW: [Double], soc: [Double], telemetryTimestampNanoseconds: [Int64], faultCode: [UInt16],
                health: [UInt8], setpointKW: [Double], basePointKW: [Double], regulationKW: [Double],
                validUntilNanoseconds: [Int64], isFallback: [Bool]) {
        self.cycleIndex = cycleIndex
        self.timeSeconds = timeSeconds
        self.measuredKW = measuredKW
        self.availableUpKW = availableUpKW
        self.availableDownKW = availableDownKW
        self.soc = soc
        self.telemetryTimestampNanoseconds = telemetryTimestampNanoseconds
        self.faultCode = faultCode
        self.health = health
        self.setpointKW = setpointKW
        self.basePointKW = basePointKW
        self.regulationKW = regulationKW
        self.validUntilNanoseconds = validUntilNanoseconds
        self.isFallback = isFallback
    }

    /// The stored form of resource `index`.
    public func sample(_ index: Int, wallTimeSeconds: Double) -> TelemetrySample {
        TelemetrySample(wallTimeSeconds: wallTimeSeconds, timeSeconds: timeSeconds, resource: index,
                        measuredKW: measuredKW[index].finiteOrNil, availableUpKW: availableUpKW[index].finiteOrNil,
                        availableDownKW: availableDownKW[index].finiteOrNil, soc: soc[index].finiteOrNil,
                        faultCode: Int(faultCode[index]), health: Int(health[index]),
                        setpointKW: setpointKW[index].finiteOrNil, basePointKW: basePointKW[index].finiteOrNil,
                        regulationKW: regulationKW[index].finiteOrNil, isFallback: isFallback[index])
    }
}
