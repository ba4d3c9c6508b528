/// The latest kernel outcome the ISO reads: one cycle record's regulation and interface-point values.
public struct ISOTelemetry: Sendable, Hashable {
    /// Kernel time of the record, seconds; −∞ before the first record.
    public var kernelSeconds = -Double.infinity
    /// Monotonic time at which the record was published (the recorder thread's clock), seconds.
    public var publishedAtSeconds = -Double.infinity
    public var regulationResponseKW = 0.0
    public var regulationTargetKW = 0.0
    public var availableUpKW = 0.0
    public var availableDownKW = 0.0
    public var aggregateSOC = Double.nan
    public var awardKW = 0.0
    public var signal = 0.0
    public var controllableResources = 0
    /// True between the kernel's regulationSignalStale and regulationSignalResumed events.
    public var regulationFallback = false
    /// True when the kernel refused the last dispatch operating target the link had answered OK.
    public var dispatchTargetRefused = false
    /// Counts publications (wraps); the ISO sees it move while the kernel runs.
    public var heartbeat: UInt16 = 0
    /// Per interface point, kW and `InterfacePointFlags` raw values.
    public var netImportKW: [Double] = []
    public var scheduledKW: [Double] = []
    public var aceKW: [Double] = []
    public var flags: [UInt8] = []

    public init(interfacePointCount: Int = 0) {
        netImportKW = Array(repeating: .nan, count: interfacePointCount)
        scheduledKW = Array(repeating: .nan, count: interfacePointCount)
        aceKW = Array(repeating: .nan, count: interfacePointCount)
        flags = Array(repeating: 0, count: interfacePointCount)
    }
}
