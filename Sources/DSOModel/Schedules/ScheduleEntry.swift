/// One interval of an interface point's scheduled net interchange, as the market layer sends it to the kernel.
public struct ScheduleEntry: Sendable, Hashable, Codable {
    /// Index of the interface point in the substation model.
    public var interfacePoint: Int
    /// Interval start, seconds since the run's epoch (inclusive).
    public var startSeconds: Double
    /// Interval end, seconds since the run's epoch (exclusive).
    public var endSeconds: Double
    /// Scheduled net import, kW (negative: export).
    public var netImportKW: Double

    public init(interfacePoint: Int, startSeconds: Double, endSeconds: Double, netImportKW: Double) {
        self.interfacePoint = interfacePoint
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.netImportKW = netImportKW
    }
}
