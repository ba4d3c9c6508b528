import DSODriverABI
import DSOModel
import Dispatch
import Synchronization

/// One driver instance as the host holds it (inside a Swift plugin the instance is a `DriverPluginInstance`): the
/// driver's handle, its points, its resolved routes and the two lock-free exchanges with the kernel (telemetry
/// snapshot out, set point mailbox in).
///
/// The driver is called from one thread at a time, as the ABI promises: the instance's I/O thread in
/// threaded mode, the caller of `beforeCycle`/`afterCycle` in synchronous mode.
final class HostedDriverInstance: @unchecked Sendable {
    // Sendable: the driver-side buffers and `lastOutcome`/`writeFailing`/`nextPoll` belong to the one
    // thread that calls the driver; the kernel side touches only the snapshot (reader), the mailbox
    // (writer), the routes (immutable after init) and atomics.
    let configuration: DriverConfiguration
    let library: DriverLibrary
    let context: HostContext
    let points: [DriverPoint]
    let pointCount: Int
    let telemetry: UnsafeMutableBufferPointer<TelemetryRoute>
    let setpoints: UnsafeMutableBufferPointer<SetpointRoute>
    let snapshot: TelemetrySnapshot
    let mailbox: SetpointMailbox
    let timeoutNanoseconds: Int64
    let pollPeriodNanoseconds: Int64

    private let hostBlock: UnsafeMutablePointer<dso_host>
    private let handle: UnsafeMutableRawPointer
    private let values: UnsafeMutablePointer<Double>
    private let timestamps: UnsafeMutablePointer<Int64>
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorCapacity = 512
    /// Points whose values reach the kernel (only these are checked for garbage), with their limits,
    /// kept apart from `points` so the check touches no String.
    private let checkedPoints: UnsafeMutableBufferPointer<Int>
    private let checkedMinimum: UnsafeMutableBufferPointer<Double>
    private let checkedMaximum: UnsafeMutableBufferPointer<Double>
    private let checkedCount: Int

    static let idle = Int64.min
    /// Host-clock time the running driver call started, or `idle`.
    let callStartedNanoseconds = Atomic<Int64>(HostedDriverInstance.idle)
    /// Set by the bridge each cycle.
    let isStale = Atomic<Bool>(true)
    let counters = InstanceCounters()
    /// Threaded mode: asks the I/O thread to stop, wakes it, and reports it has closed the instance.
    let stopRequested = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)

    private var lastOutcome = Outcome.ok
    private var writeFailing = false
    /// Synchronous mode: the next virtual time a read is due.
    var nextPollNanoseconds = Int64.min
    private var closed = false

    private enum Outcome: Equatable { case ok, failed, garbage, late }

    private init(configuration: DriverConfiguration, library: DriverLibrary, context: HostContext,
                 hostBlock: UnsafeMutablePointer<dso_host>, handle: UnsafeMutableRawPointer, points: [DriverPoint],
                 routes: (telemetry: [TelemetryRoute], setpoints: [SetpointRoute])) {
        self.configuration = configuration
        self.library = library
        self.context = context
        self.hostBlock = hostBlock
        self.handle = handle
        self.points = points
        pointCount = points.count
        // Allocate at least one slot (allocate(0) is not guaranteed to give a pointer), but the buffers'
        // counts are the real route counts: a driver with no set points must not seem to have one.
        telemetry = Self.buffer(holding: routes.telemetry)
        setpoints = Self.buffer(holding: routes.setpoints)
        snapshot = TelemetrySnapshot(pointCount: points.count)
        mailbox = SetpointMailbox(count: routes.setpoints.count)
        timeoutNanoseconds = Int64(configuration.timeoutSeconds * 1e9)
        pollPeriodNanoseconds = Int64(configuration.pollPeriodSeconds * 1e9)
        values = .allocate(capacity: max(points.count, 1))
        values.initialize(repeating: .nan, count: max(points.count, 1))
        timestamps = .allocate(capacity: max(points.count, 1))
        timestamps.initialize(repeating: 0, count: max(points.count, 1))
        errorBuffer = .allocate(capacity: Self.errorCapacity)
        errorBuffer.initialize(repeating: 0, count: Self.errorCapacity)
        let checked = Array(Set(routes.telemetry.map(\.point))).sorted()
        checkedPoints = .allocate(capacity: max(checked.count, 1))
        _ = checkedPoints.initialize(from: checked)
        checkedMinimum = .allocate(capacity: max(checked.count, 1))
        _ = checkedMinimum.initialize(from: checked.map { points[$0].minimum })
        checkedMaximum = .allocate(capacity: max(checked.count, 1))
        _ = checkedMaximum.initialize(from: checked.map { points[$0].maximum })
        checkedCount = checked.count
    }

    /// Opens the instance with its configuration string, reads its points and resolves its map.
    static func open(_ configuration: DriverConfiguration, library: DriverLibrary, model: SubstationModel,
                     log: @escaping DriverLogHandler, clock: HostClock) throws(DriverConfigurationError) -> HostedDriverInstance {
        let context = HostContext(instanceName: configuration.name, log: log, clock: clock)
        let opened: OpenedDriverInstance
        do {
            opened = try library.openInstance(configuration: configuration.driverConfiguration, instanceName: configuration.name,
                                              context: context)
        } catch {
            let key = if case .refused = error.reason { "\(configuration.key).config" } else { configuration.key }
            throw DriverConfigurationError(key: key, message: error.description)
        }
        let points = opened.points
        let routes: (telemetry: [TelemetryRoute], setpoints: [SetpointRoute])
        do {
            routes = try MappingResolver.resolve(configuration, points: points, driverName: library.driverName, model: model)
        } catch {
            library.abandon(opened)
            throw error
        }
        return HostedDriverInstance(configuration: configuration, library: library, context: context, hostBlock: opened.hostBlock,
                              handle: opened.handle, points: points, routes: routes)
    }

    /// A buffer of exactly `elements.count` initialised elements (storage for at least one).
    private static func buffer<Element>(holding elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
        elements.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { storage.initialize(from: start, count: source.count) }
        }
        return UnsafeMutableBufferPointer(start: storage, count: elements.count)
    }

    deinit {
        telemetry.deallocate()
        setpoints.deallocate()
        values.deallocate()
        timestamps.deallocate()
        errorBuffer.deallocate()
        checkedPoints.deallocate()
        checkedMinimum.deallocate()
        checkedMaximum.deallocate()
        if closed { hostBlock.deallocate() }
    }

    private func log(_ level: DriverLogLevel, _ message: String) {
        context.log(level, "driver '\(configuration.name)' (\(library.driverName)): \(message)")
    }

    private var driverError: String {
        errorBuffer[Self.errorCapacity - 1] = 0
        let text = String(cString: errorBuffer)
        return text.isEmpty ? "(no message)" : text
    }

    // MARK: driver calls (the instance's calling thread only)

    /// Reads every point once, checks the mapped ones and publishes the outcome to the snapshot.
    func poll() {
        let clock = context.clock
        let count = Int32(pointCount)
        errorBuffer[0] = 0
        let started = clock.now()
        callStartedNanoseconds.store(started, ordering: .relaxed)
        let code = library.read(handle, values, timestamps, count, errorBuffer, Self.errorCapacity)
        let finished = clock.now()
        callStartedNanoseconds.store(Self.idle, ordering: .relaxed)
        let duration = finished &- started
        counters.reads.add(1, ordering: .relaxed)
        counters.lastReadNanoseconds.store(duration, ordering: .relaxed)
        if duration > counters.longestReadNanoseconds.load(ordering: .relaxed) {
            counters.longestReadNanoseconds.store(duration, ordering: .relaxed)
        }
        var status = ReadStatus.ok
        var detail = ""
        if code != DSO_OK {
            status = .failed
            counters.failedReads.add(1, ordering: .relaxed)
            if lastOutcome != .failed { detail = "read failed (code \(code)): \(driverError)" }
        } else if let bad = firstOutOfLimits() {
            status = .garbage
            counters.garbageReads.add(1, ordering: .relaxed)
            let point = points[bad]
            if lastOutcome != .garbage {
                detail = "returned garbage: point '\(point.name)' = \(values[bad]) \(point.unit), declared limits \(point.minimum)…\(point.maximum)"
            }
        } else if writeFailing {
            status = .writeFailed
        }
        let late = duration > timeoutNanoseconds
        if late { counters.lateReads.add(1, ordering: .relaxed) }
        if late && status == .ok { status = .late }
        let good = status == .ok || status == .writeFailed || status == .late
        // The text is built (and stored) once per run of failures, as the log line is.
        if !detail.isEmpty { counters.lastError.withLock { $0 = detail } }
        counters.isFailing.store(status == .failed || status == .garbage || status == .writeFailed, ordering: .relaxed)
        if good {
            counters.lastGoodReadNanoseconds.store(finished, ordering: .relaxed)
            for index in 0..<pointCount {
                let stamp = timestamps[index]
                timestamps[index] = stamp > 0 ? min(stamp, finished) : started
            }
        }
        snapshot.publish(status: status, startedNanoseconds: started, finishedNanoseconds: finished,
                         values: good ? values : nil, timestamps: good ? timestamps : nil)
        let outcome: Outcome = switch status {
        case .failed: .failed
        case .garbage: .garbage
        case .late: .late
        default: .ok
        }
        if outcome != lastOutcome {
            switch outcome {
            case .ok: log(.info, "recovered: reads are good again; its points rejoin")
            case .late: log(.warning, "read took \(duration / 1_000_000) ms, past its \(timeoutNanoseconds / 1_000_000) ms deadline; its points stay stale until a read is on time")
            case .failed, .garbage: log(.warning, detail + "; its points are stale")
            }
            lastOutcome = outcome
        }
    }

    /// The first checked point whose value is NaN, infinite or outside its declared limits.
    @inline(__always)
    private func firstOutOfLimits() -> Int? {
        for position in 0..<checkedCount {
            let value = values[checkedPoints[position]]
            if !(value.isFinite && value >= checkedMinimum[position] && value <= checkedMaximum[position]) {
                return checkedPoints[position]
            }
        }
        return nil
    }

    /// Writes the set points published since the last delivery (those still valid at `now`).
    func deliverSetpoints(now: Int64) {
        guard setpoints.count > 0, mailbox.takeNew() else { return }
        let write = library.write
        var failure: String?
        var roundFailed = false
        for slot in 0..<setpoints.count {
            let validUntil = mailbox.validUntilNanoseconds(slot)
            let value = mailbox.value(slot)
            guard validUntil > now, value.isFinite else { continue }
            errorBuffer[0] = 0
            callStartedNanoseconds.store(context.clock.now(), ordering: .relaxed)
            let code = write(handle, setpoints[slot].point, value, validUntil, errorBuffer, Self.errorCapacity)
            callStartedNanoseconds.store(Self.idle, ordering: .relaxed)
            counters.writes.add(1, ordering: .relaxed)
            if code != DSO_OK {
                counters.failedWrites.add(1, ordering: .relaxed)
                roundFailed = true
                if failure == nil && !writeFailing {
                    failure = "write of '\(points[Int(setpoints[slot].point)].name)' = \(value) failed (code \(code)): \(driverError)"
                }
            }
        }
        if let failure {
            counters.lastError.withLock { $0 = failure }
            log(.warning, failure + "; its points are stale until writes succeed")
        }
        if !roundFailed && writeFailing { log(.info, "set point writes succeed again") }
        writeFailing = roundFailed
    }

    /// Synchronous mode: reads when a poll is due at virtual time `now`.
    func pollIfDue(now: Int64) {
        guard now >= nextPollNanoseconds else { return }
        poll()
        nextPollNanoseconds = now &+ pollPeriodNanoseconds
    }

    /// Closes the driver instance (its set points revert). Once only, from the calling thread.
    func close() {
        guard !closed else { return }
        closed = true
        library.close(handle)
    }
}

/// Counters of one instance, readable from any thread.
final class InstanceCounters: Sendable {
    let reads = Atomic<UInt64>(0)
    let failedReads = Atomic<UInt64>(0)
    let garbageReads = Atomic<UInt64>(0)
    let lateReads = Atomic<UInt64>(0)
    let writes = Atomic<UInt64>(0)
    let failedWrites = Atomic<UInt64>(0)
    let lastReadNanoseconds = Atomic<Int64>(0)
    let longestReadNanoseconds = Atomic<Int64>(0)
    /// Host-clock end of the latest read that returned valid values (`Int64.min`: none yet).
    let lastGoodReadNanoseconds = Atomic<Int64>(.min)
    /// Whether the driver's latest read failed or returned garbage, or its latest writes were refused.
    let isFailing = Atomic<Bool>(false)
    /// The driver's latest error (read, garbage or write), kept after recovery; written by the calling
    /// thread on a failure, read by status pages (never by the kernel's cycle).
    let lastError = Mutex<String?>(nil)
}
