/// Health and counters of one driver instance, for status pages, logs and tests (readable any time).
public struct DriverInstanceStatus: Sendable, Hashable {
    /// The instance name from the configuration.
    public var name: String
    /// The driver's own name and version (`dso_driver.name`, `.version`).
    public var driverName: String
    public var driverVersion: String
    /// Whether the last bridge call treated the instance as stale (failed, garbage, hung or too old).
    public var isStale: Bool
    /// Reads completed, and of those: error returns, garbage (NaN or out of limits), over the deadline.
    public var reads: UInt64
    public var failedReads: UInt64
    public var garbageReads: UInt64
    public var lateReads: UInt64
    /// Set point writes made, and of those the ones the driver refused.
    public var writes: UInt64
    public var failedWrites: UInt64
    /// Duration of the latest and the longest read, nanoseconds (host clock).
    public var lastReadNanoseconds: Int64
    public var longestReadNanoseconds: Int64
    /// Whether a driver call is running right now.
    public var isInDriverCall: Bool
}
