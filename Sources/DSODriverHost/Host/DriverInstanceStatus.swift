/// Health and counters of one driver instance, for status pages, logs and tests (readable any time).
public struct DriverInstanceStatus: Sendable, Hashable {
    /// Whether an instance's points reach the kernel, and if not, whether its driver reports errors.
    public enum State: String, Sendable, Hashable {
        /// Its latest read was good and on time: its points reach the kernel.
        case ok
        /// Its points are held out of the kernel without a driver error: no read yet, a read late, a call
        /// past its deadline, or no read within its poll period plus timeout.
        case stale
        /// Its points are held out because the driver reports errors: the latest read failed or returned
        /// garbage, or the latest set point writes were refused (`lastError` says why).
        case failed
    }

    /// The instance name from the configuration.
    public var name: String
    /// The plugin's shared library, absolute.
    public var libraryPath: String
    /// The driver's own name and version (`dso_driver.name`, `.version`).
    public var driverName: String
    public var driverVersion: String
    public var state: State
    /// Whether the last bridge call treated the instance as stale (failed, garbage, hung or too old).
    public var isStale: Bool
    /// The driver's latest error message (a failed or garbage read, a refused write), kept after recovery.
    public var lastError: String?
    /// Reads completed, and of those: error returns, garbage (NaN or out of limits), over the deadline.
    public var reads: UInt64
    public var failedReads: UInt64
    public var garbageReads: UInt64
    public var lateReads: UInt64
    /// Set point writes made, and of those the ones the driver refused.
    public var writes: UInt64
    public var failedWrites: UInt64
    /// Host-clock time since the latest read that returned valid values ended, nanoseconds (nil: none yet).
    public var lastGoodReadAgeNanoseconds: Int64?
    /// Duration of the latest and the longest read, nanoseconds (host clock).
    public var lastReadNanoseconds: Int64
    public var longestReadNanoseconds: Int64
    /// Whether a driver call is running right now.
    public var isInDriverCall: Bool
    /// Lines of the instance's point map (`[[drivers.points]]`).
    public var mappedPoints: Int
}
