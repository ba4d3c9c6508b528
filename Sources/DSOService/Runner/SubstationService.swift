import CPlatform
import Dispatch
public import DSODriverHost
public import DSOKernel
public import DSOModel
public import DSOCycleLoop
public import DSORuntime
import DSOScenario
import Synchronization

/// `dsod run`: the kernel on the real clock with its devices, as a systemd service.
///
/// Threads: the cycle loop (kernel, device side, the simulated ISO when there is one) runs on the cycle
/// timer's queue; everything else — records, events, the configuration's schedules, status, watchdog,
/// signals, reload and stop — on one serial control queue, which is the one producer of the port's
/// schedule-files ring. They meet only through the kernel's SPSC rings and the timer's atomic statistics.
public final class SubstationService: @unchecked Sendable {
    // Sendable: every `var` below is touched only on `control` (the serial control queue) once `run()`
    // started (`attach` runs before `run()`, on the caller's thread); the kernel is touched by the timer
    // queue while the clock runs and by `control` only after `loop.stopRealClock()` returned (which orders
    // the last cycle before it).
    public internal(set) var configuration: ServiceConfiguration
    /// The cycle loop: clock, devices and the kernel's inbound port with the run's epoch.
    public let loop: CycleLoop
    public var kernel: ControlKernel { loop.kernel }
    var components: [any ServiceComponent]
    /// The scenario's built-in regulation signal, when simulated devices run without an ISO link.
    let signalPlayer: RegulationSignalPlayer?
    let log: ServiceLog
    let notifier: SystemdNotifier?
    let durationSeconds: Double?
    let control = DispatchQueue(label: "org.opendso.service.control")
    let periodNanoseconds: Int64
    var housekeeping: (any DispatchSourceTimer)?
    var signals: ServiceSignals?
    /// The configuration's schedules (start, SIGHUP) into the schedule-files ring; control queue only.
    var schedules: ScheduleFeed
    /// What the configured schedules count from in UTC (set at start, once the clock is pinned); control queue.
    var scheduleAnchor: ScheduleAnchor?
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

    /// Builds the kernel and its loop; `devices` defaults to the configuration's simulated devices (driver
    /// plugins are built by the caller through `DriverDeviceSide` with this epoch and passed in).
    public init(configuration: ServiceConfiguration, log: ServiceLog, notifier: SystemdNotifier?,
                epoch: KernelEpoch = KernelEpoch(), devices: (any DeviceSide)? = nil,
                components: [any ServiceComponent] = [], durationSeconds: Double? = nil) throws {
        self.configuration = configuration
        var kernelConfiguration = KernelConfiguration()
        kernelConfiguration.periodNanoseconds = Int64((configuration.kernel.periodSeconds * 1e9).rounded())
        kernelConfiguration.staleAfterSeconds = configuration.kernel.staleAfterSeconds
        kernelConfiguration.setpointTTLSeconds = configuration.kernel.setpointTTLSeconds
        let kernel = try ControlKernel(model: configuration.model, configuration: kernelConfiguration)
        periodNanoseconds = kernelConfiguration.periodNanoseconds
        health = CycleHealthMonitor(periodSeconds: kernelConfiguration.periodSeconds)
        let deviceSide: any DeviceSide
        var player: RegulationSignalPlayer?
        if let devices {
            deviceSide = devices
        } else if case .simulation(let simulation) = configuration.devices {
            deviceSide = try SimulatedDeviceSide(scenario: simulation.scenario, path: simulation.devicePath,
                                                 clocking: .threaded(epoch), log: log.driverLog)
            if configuration.isoLink == nil {
                // No ISO link: the scenario's signal plays the ISO, repeating, with the configured award.
                player = RegulationSignalPlayer(signal: try Self.builtInSignal(simulation),
                                                signalPeriodSeconds: simulation.scenario.regulation.signalPeriodSeconds,
                                                awardKW: simulation.awardMW * 1000, repeats: true)
            }
        } else {
            throw ServiceStartError("the configuration names [[drivers]] but no driver host was supplied")
        }
        loop = CycleLoop(kernel: kernel, devices: deviceSide, epoch: epoch)
        if let player { loop.add(player) }
        signalPlayer = player
        schedules = ScheduleFeed(ring: kernel.inbound.ring(.scheduleFiles), tracksSources: true)
        self.components = components
        self.log = log
        self.notifier = notifier
        self.durationSeconds = durationSeconds
    }

    /// The scenario's signal for `dsod run` on simulated devices (generated for `signal_loop_s`, or its
    /// CSV); a CSV that cannot be read is a start-up error, not a silent lack of signal.
    static func builtInSignal(_ settings: ServiceConfiguration.SimulationSettings) throws -> RegulationSignal? {
        let regulation = settings.scenario.regulation
        switch regulation.signal {
        case .generated(let kind, let seed):
            return kind.generate(durationSeconds: settings.signalLoopSeconds,
                                 samplePeriodSeconds: regulation.signalPeriodSeconds, seed: seed)
        case .csv(let path):
            do {
                return try RegulationSignal.load(csvAtPath: path)
            } catch {
                throw ServiceStartError("\(error)")
            }
        }
    }

    /// Adds components built around this service's kernel; call before `run()`.
    public func attach(_ more: [any ServiceComponent]) {
        components += more
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
    public func driverStatus() -> [DriverInstanceStatus] { loop.devices.driverStatus() }

    /// Asks for a graceful stop, as SIGTERM does (tests and embedding callers).
    public func requestStop() {
        control.async { self.stop(reason: "stop requested") }
    }
}

/// A start-up failure with a message for the log.
public struct ServiceStartError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
