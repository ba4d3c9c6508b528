/// The answer to `GET /api/v1/status` (docs/api.md): the kernel's figures and the historian's health; the other
/// endpoints answer with the other documents of this module (`[InterfacePointStatus]`, `[ResourceStatus]`,
/// `[DriverStatus]`, `RegulationScores`).
public struct StatusDocument: Sendable, Hashable, Codable {
    /// When the status was assembled, Unix seconds.
    public var wallTimeSeconds: Double
    public var kernel: KernelStatus
    /// Left out when dsod runs without a historian.
    public var historian: HistorianStatistics?

    public init(wallTimeSeconds: Double, kernel: KernelStatus, historian: HistorianStatistics?) {
        self.wallTimeSeconds = wallTimeSeconds
        self.kernel = kernel
        self.historian = historian
    }
}
