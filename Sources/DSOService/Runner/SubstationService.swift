import CPlatform
import Dispatch
public import DSODriverHost
public import DSOKernel
public import DSOModel
import DSORuntime
import DSOSimulation
import DSOScenario
import Synchronization

/// `dsod run`: the kernel on the real clock with its devices, as a systemd service.
///
/// Threads: the kernel and the device side run on the cycle timer's queue; everything else — records,
/// events, schedules, status, watchdog, signals, reload and stop — on one serial control queue. They meet
/// only through the kernel's SPSC rings and the timer's atomic statistics.
public final class SubstationService: @unchecked Sendable {
    // Sendable: every `var` below is touched only on `control` (the serial control queue) once `run()`
    // started (`attach` runs before `run()`, on the caller's thread); the kernel is touched by the timer
    // queue while the timer runs and by `control` only after `timer.stop()` returned (which orders the last
    // cycle before it).
    public internal(set) var configuration: ServiceConfiguration
    public let kernel: ControlKernel
    let devices: any DeviceSide
    var components: [any ServiceComponent]
    /// How the service's own schedules reach the kernel: its ring directly, or the serialized submitter
    /// shared with the components (`attach`), so the ring keeps one producer.
    var submitSchedules: @Sendable ([ScheduleEntry]) -> Int
    let log: ServiceLog
    let notifier: SystemdNotifier?
    let durationSeconds: Double?
    let control = DispatchQueue(label: "org.opendso.service.control")
    let periodNanoseconds: Int64
    var timer: CycleTimer!
    var housekeeping: (any DispatchSourceTimer)?
    var signals: ServiceSignals?
    var schedules = SchedulePump()
    var health: CycleHealthMonitor
    var latest = CycleSnapshot()
    var eventCount = 0
    var isReady = false
    var isStopping = false
    var watchdogFailing = false
    var startedNanoseconds: UInt64 = 0
    var nextStatusNanoseconds: UInt64 = 0
    var nextWatchdogNanoseconds: UInt64 = 0
    let finished = DispatchSemaphore(value: 0)
    let stopCompleted = Atomic<Bool>(false)
    /// Grid time of the last cycle that ran (written by the timer queue, read after it stopped).
    let lastCycle = LastCycleTime()

    /// Builds the kernel; `devices` defaults to the configuration's source (simulated devices; driver
    /// plugins are built by the caller through DSODriverHost and passed in).
    public init(configuration: ServiceConfiguration, log: ServiceLog, notifier: SystemdNotifier?,
                devices: (any DeviceSide)? = nil, components: [any ServiceComponent] = [],
                durationSeconds: Double? = nil) throws {
        self.configuration = configuration
        var kernelConfiguration = KernelConfiguration()
        kernelConfiguration.periodNanoseconds = Int64((configuration.kernel.periodSeconds * 1e9).rounded())
        kernelConfiguration.staleAfterSeconds = configuration.kernel.staleAfterSeconds
        kernelConfiguration.setpointTTLSeconds = configuration.kernel.setpointTTLSeconds
        kernel = try ControlKernel(model: configuration.model, configuration: kernelConfiguration)
        periodNanoseconds = kernelConfiguration.periodNanoseconds
        health = CycleHealthMonitor(periodSeconds: kernelConfiguration.periodSeconds)
        if let devices {
            self.devices = devices
        } else if case .simulation(let simulation) = configuration.devices {
            self.devices = try SimulatedDeviceSide(settings: simulation, drivesRegulation: configuration.isoLink == nil, log: log)
        } else {
            throw ServiceStartError("the configuration names [[drivers]] but no driver host was supplied")
        }
        self.components = components
        submitSchedules = { [kernel] entries in
            var taken = 0
            while taken < entries.count, kernel.inbound.schedules.push(entries[taken]) { taken += 1 }
            return taken
        }
        self.log = log
        self.notifier = notifier
        self.durationSeconds = durationSeconds
    }

    /// Adds components built around this service's kernel; call before `run()`. `scheduleSubmitter`, when
    /// given, is the one serialized producer of `kernel.inbound.schedules` that the components share; the
    /// service's own schedules (configuration, SIGHUP reload) then go through it too.
    public func attach(_ more: [any ServiceComponent], scheduleSubmitter: (@Sendable ([ScheduleEntry]) -> Int)? = nil) {
        components += more
        if let scheduleSubmitter { submitSchedules = scheduleSubmitter }
    }

    /// Runs until SIGTERM/SIGINT (or `durationSeconds`), then stops gracefully; returns the exit status.
    public func run() -> Int32 {
        do {
            try control.sync { try start() }
        } catch {
            log.error("cannot start: \(error)")
            control.sync { shutDownAfterFailedStart() }
            return 1
        }
        finished.wait()
        return 0
    }

    /// Health and counters of the driver instances behind the kernel (for the status page; not the cycle's thread).
    public func driverStatus() -> [DriverInstanceStatus] { devices.driverStatus() }

    /// Asks for a graceful stop, as SIGTERM does (tests and embedding callers).
    public func requestStop() {
        control.async { self.stop(reason: "stop requested") }
    }
}

/// Grid time of the last cycle that ran: written by the timer queue, read after the timer stopped.
final class LastCycleTime: Sendable {
    let nanoseconds = Atomic<Int64>(0)
}

/// A start-up failure with a message for the log.
public struct ServiceStartError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
