public import DSODriverHost
public import DSOKernel
public import DSOModel
public import DSORuntime
import Synchronization

/// Devices through driver plugins: DSODriverHost's bridge fills `kernel.board` before each cycle and takes
/// the set points after it; the drivers' I/O runs on the host's own threads (threaded mode) or inline at
/// virtual time (synchronous mode, for deterministic simulations).
public final class DriverDeviceSide: DeviceSide, @unchecked Sendable {
    // Sendable: `host` is Sendable; `started` is touched only on the cycle thread.
    public let host: DriverHost
    private let drivers: [DriverConfiguration]
    private let synchronous: Bool
    private var started = false

    /// How the drivers' I/O is clocked.
    public enum Clocking: Sendable {
        /// Real time: each instance on its own thread; the host's clock is the kernel's, through the run's epoch.
        case threaded(KernelEpoch)
        /// Virtual time: reads and writes inline on the cycle thread at the cycle's time.
        case synchronous
    }

    /// Loads and opens every plugin (DriverHost checks point maps against the model); throws naming the
    /// driver, file or key that failed.
    public init(model: SubstationModel, drivers: [DriverConfiguration], clocking: Clocking,
                log: @escaping DriverLogHandler) throws {
        self.drivers = drivers
        let mode: DriverHost.Mode
        switch clocking {
        case .threaded(let epoch):
            // The host's clock is the kernel's: monotonic time minus the monotonic time of kernel t = 0.
            mode = .threaded(clock: { epoch.kernelNanoseconds(atMonotonic: DriverHost.monotonicNanoseconds()) })
            synchronous = false
        case .synchronous:
            mode = .synchronous
            synchronous = true
        }
        host = try DriverHost(configurations: drivers, model: model, mode: mode, log: log)
        if synchronous {
            host.start()
            started = true
        }
    }

    public var description: String {
        "\(drivers.count) driver plugin instance\(drivers.count == 1 ? "" : "s"): "
            + drivers.map { "\($0.name) (\($0.libraryPath), \($0.points.count) points)" }.joined(separator: ", ")
    }

    public func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        if !started {
            // First cycle: the loop has just pinned kernel t = 0, so the drivers' clock never runs backwards
            // once their threads start. Their first readings arrive for the next cycle; until then the
            // resources are not yet known to the kernel.
            started = true
            host.start()
        }
        host.beforeCycle(kernel, atNanoseconds: nanoseconds)
    }

    public func apply(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        host.afterCycle(kernel)
    }

    /// Writes each resource's documented fallback into the set-point frame and hands it to the drivers'
    /// mailboxes; `close` then stops the host, whose instances revert on close.
    public func applySafeSetpoints(kernel: ControlKernel, atNanoseconds nanoseconds: Int64) {
        kernel.publishFallbackSetpoints(atNanoseconds: nanoseconds)
        host.afterCycle(kernel)
    }

    public func close() { host.stop() }

    public func driverStatus() -> [DriverInstanceStatus] { host.status() }
}
