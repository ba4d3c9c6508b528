public import DSOHistorian
public import DSOStatusSchema

/// Everything the API serves about the running plant at one moment; the service fills it from the
/// recorder thread and the API only reads it. Its parts are the status schema's documents (DSOStatusSchema),
/// the cycle-time histograms only reach /metrics.
public struct StatusSnapshot: Sendable, Hashable, Codable {
    /// When the snapshot was assembled, Unix seconds.
    public var wallTimeSeconds: Double
    public var kernel: KernelStatus
    public var interfacePoints: [InterfacePointStatus]
    public var resources: [ResourceStatus]
    public var drivers: [DriverStatus]
    public var regulationScores: RegulationScores
    /// Duration of the kernel's step, seconds.
    public var cycleDuration: HistogramSnapshot
    /// How late each cycle started after its grid time, seconds.
    public var cycleLateness: HistogramSnapshot
    public var historian: HistorianStatistics?

    public init(wallTimeSeconds: Double, kernel: KernelStatus, interfacePoints: [InterfacePointStatus] = [],
                resources: [ResourceStatus] = [], drivers: [DriverStatus] = [],
                regulationScores: RegulationScores = RegulationScores(), cycleDuration: HistogramSnapshot = .empty,
                cycleLateness: HistogramSnapshot = .empty, historian: HistorianStatistics? = nil) {
        self.wallTimeSeconds = wallTimeSeconds
        self.kernel = kernel
        self.interfacePoints = interfacePoints
        self.resources = resources
        self.drivers = drivers
        self.regulationScores = regulationScores
        self.cycleDuration = cycleDuration
        self.cycleLateness = cycleLateness
        self.historian = historian
    }
}
