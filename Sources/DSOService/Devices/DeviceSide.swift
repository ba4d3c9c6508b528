public import DSODriverHost
public import DSOKernel

/// The devices behind the kernel, as the service loop sees them: simulated from a scenario, or real ones
/// through driver plugins. This is the seam where DSODriverHost's bridge plugs in.
///
/// Threading: `prepare` and `apply` run on the control (timer) thread, once per cycle, around
/// `kernel.step`; every other method runs on the service's control queue while no cycle runs (before the
/// timer starts or after it stopped), except `reload`, which may run between cycles and must hand its
/// changes to the cycle thread safely.
public protocol DeviceSide: AnyObject, Sendable {
    /// A line for the start-up log: what the devices are and where they come from.
    var description: String { get }
    /// Opens devices (loads plugins, connects); throws with a message naming the device when one fails.
    func open(kernel: ControlKernel) throws
    /// Before cycle `cycle`: the latest telemetry onto `kernel.board` (and device-originated messages).
    func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel)
    /// After the cycle: hand `kernel.setpoints` to the devices.
    func apply(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel)
    /// On stop, after the last cycle: every controllable resource to its documented safe value.
    func applySafeSetpoints(kernel: ControlKernel, atNanoseconds nanoseconds: Int64)
    /// Closes devices (drivers' close entry points); called once, after `applySafeSetpoints`.
    func close()
    /// SIGHUP: take what can change without a restart; returns one log line per change applied.
    func reload(_ configuration: ServiceConfiguration) -> [String]
    /// Health and counters of each driver instance (empty without a driver host). Any thread but the
    /// cycle's: it reads the host's atomics and last error texts (the operator side's status page).
    func driverStatus() -> [DriverInstanceStatus]
}
