public import DSOModel
import CPlatform
import Synchronization

/// Runs driver plugins for the kernel: loads them, opens their instances, does their I/O off the
/// kernel's cycle and bridges their values onto `kernel.board` and the kernel's set points back.
///
/// The kernel thread calls `beforeCycle` right before `kernel.step` and `afterCycle` right after it;
/// both only copy between preallocated buffers (no allocation, no lock, no driver call in threaded mode).
public final class DriverHost: @unchecked Sendable {
    // Sendable: `instances` and the bridge buffers are immutable after init; per-instance mutable state
    // is confined as `HostedDriverInstance` documents; `running` is guarded by its own atomic.

    /// How driver calls are scheduled.
    public enum Mode: Sendable {
        /// Each instance reads and writes on its own I/O thread every poll period; `clock` gives
        /// nanoseconds on the kernel's clock (the time passed to `beforeCycle`).
        case threaded(clock: @Sendable () -> Int64)
        /// No threads: `beforeCycle` reads due instances inline and `afterCycle` writes inline, at the
        /// cycle's virtual time, which is also what drivers see through `dso_host.now_ns`. Deterministic.
        case synchronous

        /// Threaded on CLOCK_MONOTONIC (the time base of `CycleTimer`'s grid).
        public static var threaded: Mode { .threaded(clock: DriverHost.monotonicNanoseconds) }
    }

    /// CLOCK_MONOTONIC in nanoseconds, the clock of `CycleTick.scheduledNanoseconds`.
    public static let monotonicNanoseconds: @Sendable () -> Int64 = { Int64(bitPattern: dso_monotonic_ns()) }

    public let configurations: [DriverConfiguration]
    public let model: SubstationModel
    public let isSynchronous: Bool
    let instances: [HostedDriverInstance]
    let clock: HostClock
    let log: DriverLogHandler
    /// Resources and interface points fed by at least one telemetry route (their timestamps are rebuilt each cycle).
    let fedResources: UnsafeMutableBufferPointer<Int>
    let fedMeters: UnsafeMutableBufferPointer<Int>
    let running = Atomic<Bool>(false)
    let everStarted = Atomic<Bool>(false)
    var supervisor: HangSupervisor?

    /// Loads every plugin, opens every instance and checks every point map against the drivers' points
    /// and `model`; throws the first problem, naming the file or key. Nothing runs until `start()`.
    public init(configurations: [DriverConfiguration], model: SubstationModel, mode: Mode = .threaded,
                log: @escaping DriverLogHandler = { _, _ in }) throws(DriverHostError) {
        self.configurations = configurations
        self.model = model
        self.log = log
        switch mode {
        case let .threaded(source):
            clock = HostClock(source: source)
            isSynchronous = false
        case .synchronous:
            clock = HostClock()
            isSynchronous = true
        }
        var libraries: [String: DriverLibrary] = [:]
        var opened: [HostedDriverInstance] = []
        var names = Set<String>()
        func closeAll() { for instance in opened { instance.close() } }
        for configuration in configurations {
            do throws(DriverHostError) {
                guard names.insert(configuration.name).inserted else {
                    throw .configuration(DriverConfigurationError(key: "\(configuration.key).name",
                                                                  message: "duplicate driver instance name '\(configuration.name)'"))
                }
                try Self.checkTiming(configuration)
                let library: DriverLibrary
                if let loaded = libraries[configuration.libraryPath] {
                    library = loaded
                } else {
                    do { library = try DriverLibrary.load(path: configuration.libraryPath) } catch { throw .load(error) }
                    libraries[configuration.libraryPath] = library
                }
                do {
                    opened.append(try HostedDriverInstance.open(configuration, library: library, model: model, log: log, clock: clock))
                } catch {
                    throw .configuration(error)
                }
            } catch {
                closeAll()
                throw error
            }
        }
        do throws(DriverConfigurationError) {
            try Self.checkNoDuplicateTargets(opened)
        } catch {
            closeAll()
            throw .configuration(error)
        }
        instances = opened
        var resources = Set<Int>(), meters = Set<Int>()
        for instance in opened {
            for route in instance.telemetry {
                if route.column == .meterNetImportKW { meters.insert(route.index) } else { resources.insert(route.index) }
            }
        }
        fedResources = .allocate(capacity: max(resources.count, 1))
        _ = fedResources.initialize(from: resources.sorted())
        fedMeters = .allocate(capacity: max(meters.count, 1))
        _ = fedMeters.initialize(from: meters.sorted())
        fedResourceCount = resources.count
        fedMeterCount = meters.count
    }

    let fedResourceCount: Int
    let fedMeterCount: Int

    deinit {
        stop()
        fedResources.deallocate()
        fedMeters.deallocate()
    }

    private static func checkTiming(_ configuration: DriverConfiguration) throws(DriverHostError) {
        if !(configuration.pollPeriodSeconds > 0 && configuration.pollPeriodSeconds <= 3600) {
            throw .configuration(DriverConfigurationError(key: "\(configuration.key).poll_period_s",
                                                          message: "found \(configuration.pollPeriodSeconds), expected seconds in (0, 3600]"))
        }
        if !(configuration.timeoutSeconds > 0 && configuration.timeoutSeconds <= 3600) {
            throw .configuration(DriverConfigurationError(key: "\(configuration.key).timeout_s",
                                                          message: "found \(configuration.timeoutSeconds), expected seconds in (0, 3600]"))
        }
    }

    /// One kernel quantity must have one source (and one set point one destination).
    private static func checkNoDuplicateTargets(_ instances: [HostedDriverInstance]) throws(DriverConfigurationError) {
        var seen: [String: String] = [:]
        for instance in instances {
            let configuration = instance.configuration
            for (position, mapping) in configuration.points.enumerated() {
                let key = mapping.key.isEmpty ? "\(configuration.key).points[\(position)]" : mapping.key
                let target = mapping.target.description
                if let first = seen[target] {
                    throw DriverConfigurationError(key: key, message: "\(target) is already mapped at \(first)")
                }
                seen[target] = key
            }
        }
    }

    /// Names of the instances, in configuration order.
    public var instanceNames: [String] { instances.map(\.configuration.name) }

    /// The points each instance's driver reported, by instance name.
    public func points(ofInstance name: String) -> [DriverPoint]? {
        instances.first { $0.configuration.name == name }?.points
    }

    /// Health and counters of every instance, in configuration order. Reads atomics and each instance's
    /// last error (a lock shared only with its I/O thread): for status pages, never the kernel's cycle.
    public func status() -> [DriverInstanceStatus] {
        let now = clock.now()
        return instances.map { instance in
            let counters = instance.counters
            let isStale = instance.isStale.load(ordering: .relaxed)
            let lastGood = counters.lastGoodReadNanoseconds.load(ordering: .relaxed)
            let state: DriverInstanceStatus.State = !isStale ? .ok
                : counters.isFailing.load(ordering: .relaxed) ? .failed : .stale
            return DriverInstanceStatus(
                name: instance.configuration.name, libraryPath: instance.library.path, driverName: instance.library.driverName,
                driverVersion: instance.library.driverVersion, state: state, isStale: isStale,
                lastError: counters.lastError.withLock { $0 },
                reads: counters.reads.load(ordering: .relaxed), failedReads: counters.failedReads.load(ordering: .relaxed),
                garbageReads: counters.garbageReads.load(ordering: .relaxed), lateReads: counters.lateReads.load(ordering: .relaxed),
                writes: counters.writes.load(ordering: .relaxed), failedWrites: counters.failedWrites.load(ordering: .relaxed),
                lastGoodReadAgeNanoseconds: lastGood == .min ? nil : max(0, now &- lastGood),
                lastReadNanoseconds: counters.lastReadNanoseconds.load(ordering: .relaxed),
                longestReadNanoseconds: counters.longestReadNanoseconds.load(ordering: .relaxed),
                isInDriverCall: instance.callStartedNanoseconds.load(ordering: .relaxed) != HostedDriverInstance.idle,
                mappedPoints: instance.configuration.points.count)
        }
    }
}
