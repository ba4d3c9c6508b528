public import DSODriverHost
public import DSOKernel
public import DSOModel
import Synchronization

/// Real devices through driver plugins: DSODriverHost's bridge fills `kernel.board` before each cycle and
/// takes the set points after it; the drivers' I/O runs on the host's own threads.
public final class DriverDeviceSide: DeviceSide, @unchecked Sendable {
    // Sendable: `host` is Sendable; `epoch` is an atomic shared with the host's clock closure.
    public let host: DriverHost
    private let epoch: KernelEpoch
    private let drivers: [DriverConfiguration]

    /// Loads and opens every plugin (DriverHost checks point maps against the model); throws naming the
    /// driver, file or key that failed.
    public init(model: SubstationModel, drivers: [DriverConfiguration], log: ServiceLog) throws {
        let epoch = KernelEpoch()
        self.epoch = epoch
        self.drivers = drivers
        do {
            // The host's clock is the kernel's: monotonic time minus the monotonic time of kernel t = 0.
            host = try DriverHost(
                configurations: drivers, model: model,
                mode: .threaded(clock: { DriverHost.monotonicNanoseconds() &- epoch.monotonicAtZero.load(ordering: .relaxed) }),
                log: { level, message in
                    let mapped: ServiceLog.Level = switch level {
                    case .debug: .debug
                    case .info: .info
                    case .warning: .warning
                    case .error: .error
                    }
                    log.log(mapped, message)
                })
        } catch {
            throw ServiceStartError("\(error)")
        }
    }

    public var description: String {
        "\(drivers.count) driver plugin instance\(drivers.count == 1 ? "" : "s"): "
            + drivers.map { "\($0.name) (\($0.libraryPath), \($0.points.count) points)" }.joined(separator: ", ")
    }

    public func open(kernel: ControlKernel) throws {}

    public func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        if !epoch.pinned {
            // First cycle: pin kernel t = 0 to the monotonic clock (the grid starts at the first tick), then
            // start the drivers' threads, so their clock never runs backwards. Their first readings arrive
            // for the next cycle; until then the resources are not yet known to the kernel.
            epoch.monotonicAtZero.store(DriverHost.monotonicNanoseconds() &- nanoseconds, ordering: .relaxed)
            epoch.pinned = true
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

    public func reload(_ configuration: ServiceConfiguration) -> [String] { [] }
}

/// The monotonic time of kernel t = 0, shared by the cycle thread (writer) and the drivers' I/O threads.
final class KernelEpoch: @unchecked Sendable {
    // Sendable: `monotonicAtZero` is atomic; `pinned` is touched only by the cycle thread.
    let monotonicAtZero = Atomic<Int64>(0)
    var pinned = false
}
