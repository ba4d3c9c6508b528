public import DSODriverHost
public import DSOKernel

/// The devices behind the kernel, as the cycle loop sees them: simulated from a scenario, real ones through
/// driver plugins, or a capture being replayed.
///
/// Threading: `prepare` and `apply` run on the cycle thread, once per cycle, around `kernel.step`; every
/// other method runs while no cycle runs (before the clock starts or after it stopped), except
/// `driverStatus`, which any thread but the cycle's may call.
public protocol DeviceSide: AnyObject, Sendable {
    /// A line for the start-up log: what the devices are and where they come from.
    var description: String { get }
    /// Opens devices (loads plugins, connects); throws with a message naming the device when one fails.
    func open(kernel: ControlKernel) throws
    /// Before cycle `cycle`: the latest telemetry onto `kernel.board`.
    func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel)
    /// After the cycle: hand `kernel.setpoints` to the devices.
    func apply(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel)
    /// On stop, after the last cycle: every controllable resource to its documented safe value.
    func applySafeSetpoints(kernel: ControlKernel, atNanoseconds nanoseconds: Int64)
    /// Closes devices (drivers' close entry points); called once, after `applySafeSetpoints`.
    func close()
    /// Health and counters of each driver instance (empty without a driver host).
    func driverStatus() -> [DriverInstanceStatus]
}

extension DeviceSide {
    public func open(kernel: ControlKernel) throws {}
    public func applySafeSetpoints(kernel: ControlKernel, atNanoseconds nanoseconds: Int64) {}
    public func close() {}
    public func driverStatus() -> [DriverInstanceStatus] { [] }
}
