/// One cycle's outcome as stored: the fleet's regulation figures and each interface point's netting.
public struct CycleSummary: Sendable, Hashable, Codable {
    public var wallTimeSeconds: Double
    public var cycleIndex: Int64
    /// Seconds on the kernel's clock.
    public var timeSeconds: Double
    public var signal: Double
    public var awardKW: Double
    public var regulationTargetKW: Double
    public var regulationCommandKW: Double
    public var regulationResponseKW: Double
    public var regulationAvailableUpKW: Double
    public var regulationAvailableDownKW: Double
    /// nil when no resource has a state of charge.
    public var aggregateSOC: Double?
    public var controllableResources: Int
    public var setpointDigest: UInt64
    public var interfacePoints: [InterfacePointSample]

    public init(wallTimeSeconds: Double, cycleIndex: Int64, timeSeconds: Double, signal: Double = 0, awardKW: Double = 0,
                regulationTargetKW: Double = 0, regulationCommandKW: Double = 0, regulationResponseKW: Double = 0,
                regulationAvailableUpKW: Double = 0, regulationAvailableDownKW: Double = 0, aggregateSOC: Double? = nil,
                controllableResources: Int = 0, setpointDigest: UInt64 = 0, interfacePoints: [InterfacePointSample] = []) {
        self.wallTimeSeconds = wallTimeSeconds
        self.cycleIndex = cycleIndex
        self.timeSeconds = timeSeconds
        self.signal = signal
        self.awardKW = awardKW
        self.regulationTargetKW = regulationTargetKW
        self.regulationCommandKW = regulationCommandKW
        self.regulationResponseKW = regulationResponseKW
        self.regulationAvailableUpKW = regulationAvailableUpKW
        self.regulationAvailableDownKW = regulationAvailableDownKW
        self.aggregateSOC = aggregateSOC
        self.controllableResources = controllableResources
        self.setpointDigest = setpointDigest
        self.interfacePoints = interfacePoints
    }
}

/// One interface point's netting in one stored cycle.
public struct InterfacePointSample: Sendable, Hashable, Codable {
    public var interfacePoint: Int
    /// Load-positive net import, kW.
    public var netImportKW: Double
    public var scheduledKW: Double
    public var aceKW: Double
    public var regulationRequestKW: Double
    /// `InterfacePointFlags` raw bits.
    public var flags: UInt8

    public init(interfacePoint: Int, netImportKW: Double, scheduledKW: Double, aceKW: Double,
                regulationRequestKW: Double, flags: UInt8) {
        self.interfacePoint = interfacePoint
        self.netImportKW = netImportKW
        self.scheduledKW = scheduledKW
        self.aceKW = aceKW
        self.regulationRequestKW = regulationRequestKW
        self.flags = flags
    }
}
