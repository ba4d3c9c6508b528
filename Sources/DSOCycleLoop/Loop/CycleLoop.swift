public import DSOKernel
import Dispatch
import DSOModel
public import DSORuntime
import Synchronization

/// The one loop that drives a kernel — `dsod run`, `dsod simulate` (virtual and real time), `dsod replay`
/// and the benchmarks all run their cycles through it.
///
/// It owns the clock (the virtual clock, or a `CycleTimer` on the real one), the device side and the
/// kernel's inbound port with the run's one `KernelEpoch`. One cycle, whichever clock: the devices put
/// their telemetry on the board; the producers that live on the cycle thread (a scenario's schedules, a
/// simulated ISO, a replay) push into their rings; the kernel steps (draining every ring in
/// `InboundProducer` order); the capture, if any, writes what entered; the devices take the set points;
/// the after-cycle hooks run. Producers on other threads (ISO link, API, the service's schedule files)
/// push into their own rings whenever they like.
public final class CycleLoop: @unchecked Sendable {
    // Sendable: `producers`, `hooks` and `capture` are set before the clock starts and then touched only on
    // the cycle thread (the virtual loop's caller, or the timer's queue); `timer` and `cycleLimit` only by
    // the thread that starts and stops the real clock; the rest is immutable or atomic.
    public let kernel: ControlKernel
    public let devices: any DeviceSide
    /// Where kernel time 0 sits on the monotonic and UTC clocks; every producer stamps with it.
    public let epoch: KernelEpoch
    public let periodNanoseconds: Int64
    private var producers: [any CycleProducer] = []
    private var hooks: [@Sendable (CycleTick, UInt64) -> Void] = []
    private var capture: InputCapture?
    private var timer: CycleTimer?
    private let finished = DispatchSemaphore(value: 0)
    private let limitReached = Atomic<Bool>(false)
    private var cycleLimit: Int64 = .max
    /// Grid time of the last cycle that ran (cycle thread writes; any thread reads).
    private let lastCycle = Atomic<Int64>(-1)

    public init(kernel: ControlKernel, devices: any DeviceSide, epoch: KernelEpoch = KernelEpoch()) {
        self.kernel = kernel
        self.devices = devices
        self.epoch = epoch
        periodNanoseconds = kernel.configuration.periodNanoseconds
    }

    /// The kernel's inbound port, for producers on their own threads (push into your own ring only).
    public var port: InboundPort { kernel.inbound }

    /// Adds a producer that runs on the cycle thread before each step; call before the clock starts.
    public func add(_ producer: any CycleProducer) { producers.append(producer) }

    /// Adds a hook run on the cycle thread after each cycle with its tick and how long `step` took (ns).
    /// It must not block, lock, allocate or do I/O: it delays the next cycle. Call before the clock starts.
    public func afterEachCycle(_ hook: @escaping @Sendable (CycleTick, UInt64) -> Void) { hooks.append(hook) }

    /// Captures every input of every cycle to `path` for `dsod replay`; the kernel must keep a journal.
    public func captureInputs(to path: String) throws {
        guard kernel.journal != nil else {
            throw CycleLoopError.captureNeedsJournal
        }
        capture = try InputCapture(path: path, kernel: kernel)
    }

    /// Grid time of the last cycle that ran (nil before the first).
    public var lastCycleNanoseconds: Int64? {
        let value = lastCycle.load(ordering: .relaxed)
        return value < 0 ? nil : value
    }

    /// One cycle at grid slot `tick.cycleIndex` (time = index × period).
    public func runCycle(_ tick: CycleTick) {
        if tick.missedTicks > 0 { kernel.noteOverruns(Int(tick.missedTicks)) }
        let cycle = tick.cycleIndex
        let nanoseconds = cycle &* periodNanoseconds
        if !epoch.isPinned {
            epoch.pin(kernelNanoseconds: nanoseconds, monotonicNanoseconds: MonotonicClock.nanoseconds(),
                      unixSeconds: KernelEpoch.unixSecondsNow())
        }
        devices.prepare(cycle: cycle, atNanoseconds: nanoseconds, kernel: kernel)
        for producer in producers { producer.produce(cycle: cycle, atNanoseconds: nanoseconds, into: kernel.inbound) }
        let stepStarted = MonotonicClock.nanoseconds()
        kernel.step(atNanoseconds: nanoseconds)
        let stepNanoseconds = UInt64(max(0, MonotonicClock.nanoseconds() &- stepStarted))
        if let journal = kernel.journal {
            if let capture {
                capture.noteCycle(cycle, journal: journal, board: kernel.board)
            } else {
                journal.drain { _ in }
            }
        }
        devices.apply(cycle: cycle, atNanoseconds: nanoseconds, kernel: kernel)
        lastCycle.store(nanoseconds, ordering: .relaxed)
        for hook in hooks { hook(tick, stepNanoseconds) }
    }

    /// Virtual clock: cycles `0..<count` back to back on the caller's thread; `between` runs after each
    /// (the caller drains records and events there).
    public func runVirtual(cycles count: Int64, between: () -> Void) {
        for index in 0..<count {
            runCycle(CycleTick(cycleIndex: index, scheduledNanoseconds: 0, startedNanoseconds: 0, missedTicks: 0))
            between()
        }
    }

    /// Real clock: starts the cycle timer (absolute grid, strict, zero leeway). Kernel time 0 is the grid's
    /// first point, one period from now, and is pinned on the monotonic and UTC clocks before the timer starts,
    /// so producers (and a restart's restored schedules) can convert UTC as soon as this returns. With
    /// `cycleLimit`, cycles at or past it do not run and `waitForLimit` returns.
    public func startRealClock(label: String = "org.opendso.kernel", fifoPriority: Int32? = nil,
                               cycleLimit: Int64? = nil) throws -> RealClockStart {
        let period = try CyclePeriod(nanoseconds: periodNanoseconds)
        self.cycleLimit = cycleLimit ?? .max
        let timer = CycleTimer(period: period, label: label) { [self] tick in
            guard !limitReached.load(ordering: .relaxed) else { return }
            runCycle(tick)
            if tick.cycleIndex + 1 >= self.cycleLimit {
                limitReached.store(true, ordering: .relaxed)
                finished.signal()
            }
        }
        var raised: Bool?
        if let fifoPriority { raised = timer.raiseThreadPriority(fifoPriority: fifoPriority) }
        self.timer = timer
        let origin = MonotonicClock.nanoseconds() &+ periodNanoseconds
        if !epoch.isPinned {
            let unixNow = KernelEpoch.unixSecondsNow(), monotonicNow = MonotonicClock.nanoseconds()
            epoch.pin(kernelNanoseconds: 0, monotonicNanoseconds: origin,
                      unixSeconds: unixNow + Double(origin &- monotonicNow) / 1e9)
        }
        timer.start(originNanoseconds: UInt64(origin))
        return RealClockStart(priorityRaised: raised)
    }

    /// Waits until the cycle limit is reached, calling `whileWaiting` every `pollMilliseconds`.
    public func waitForLimit(pollMilliseconds: Int = 20, whileWaiting: () -> Void) {
        while finished.wait(timeout: .now() + .milliseconds(pollMilliseconds)) == .timedOut { whileWaiting() }
    }

    /// Stops the real clock; after it returns no cycle runs (the last one finished). Returns the timer's
    /// statistics (nil when the real clock never started).
    @discardableResult
    public func stopRealClock() -> CycleStatistics? {
        guard let timer else { return nil }
        timer.stop()
        return timer.statistics
    }

    /// Timer statistics while the real clock runs (any thread).
    public var timerStatistics: CycleStatistics? { timer?.statistics }

    /// After the last cycle: every controllable resource to its documented safe value, valid one period
    /// after the last cycle.
    public func applySafeSetpoints() {
        let at = (lastCycleNanoseconds ?? -periodNanoseconds) &+ periodNanoseconds
        devices.applySafeSetpoints(kernel: kernel, atNanoseconds: at)
    }

    /// Closes the capture file (call after the last cycle).
    public func finishCapture() throws {
        try capture?.finish()
        capture = nil
    }
}

/// How the real clock started: whether the control thread got its SCHED_FIFO priority (nil: not asked).
public struct RealClockStart: Sendable {
    public let priorityRaised: Bool?
}
