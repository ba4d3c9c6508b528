import DSODriverABI

/// One driver instance opened on the bench: its points, single reads and writes, and its log.
///
/// Not for the kernel: calls block the caller for as long as the driver takes (that is what a bench
/// measures). Call it from one thread at a time, as the ABI requires; `close` (or release) reverts the
/// driver's set points.
public final class ProbeInstance {
    public let plugin: ProbePlugin
    public let instanceName: String
    /// The points as the driver describes them (`dso_point_info`), in index order.
    public let points: [DriverPoint]

    private let context: HostContext
    private let log: ProbeLog
    private let hostBlock: UnsafeMutablePointer<dso_host>
    private let handle: UnsafeMutableRawPointer
    private let values: UnsafeMutablePointer<Double>
    private let timestamps: UnsafeMutablePointer<Int64>
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorCapacity = 512
    private var closed = false

    private init(plugin: ProbePlugin, instanceName: String, points: [DriverPoint], context: HostContext, log: ProbeLog,
                 hostBlock: UnsafeMutablePointer<dso_host>, handle: UnsafeMutableRawPointer) {
        self.plugin = plugin
        self.instanceName = instanceName
        self.points = points
        self.context = context
        self.log = log
        self.hostBlock = hostBlock
        self.handle = handle
        values = .allocate(capacity: points.count)
        values.initialize(repeating: .nan, count: points.count)
        timestamps = .allocate(capacity: points.count)
        timestamps.initialize(repeating: 0, count: points.count)
        errorBuffer = .allocate(capacity: Self.errorCapacity)
        errorBuffer.initialize(repeating: 0, count: Self.errorCapacity)
    }

    static func open(_ plugin: ProbePlugin, configuration: String, instanceName: String) throws(ProbeOpenError) -> ProbeInstance {
        let clock = HostClock(source: DriverHost.monotonicNanoseconds)
        let log = ProbeLog(clock: clock)
        let context = HostContext(instanceName: instanceName, log: log.handler, clock: clock)
        let opened = try plugin.library.openInstance(configuration: configuration, instanceName: instanceName, context: context)
        return ProbeInstance(plugin: plugin, instanceName: instanceName, points: opened.points, context: context, log: log,
                             hostBlock: opened.hostBlock, handle: opened.handle)
    }

    deinit {
        close()
        values.deallocate()
        timestamps.deallocate()
        errorBuffer.deallocate()
    }

    /// The index of the point named `name`.
    public func index(ofPoint name: String) -> Int? { points.firstIndex { $0.name == name } }

    /// The host clock the driver sees (`now_ns`): CLOCK_MONOTONIC, nanoseconds.
    public func now() -> Int64 { context.clock.now() }

    /// The log lines the driver sent since the last call (open's lines included).
    public func takeLogLines() -> [ProbeLogLine] { log.take() }

    private var driverError: String {
        errorBuffer[Self.errorCapacity - 1] = 0
        return String(cString: errorBuffer)
    }

    /// Reads every point once.
    public func read() -> ProbeReading {
        precondition(!closed, "read after close of bench instance '\(instanceName)'")
        let count = points.count
        values.update(repeating: .nan, count: count)
        timestamps.update(repeating: 0, count: count)
        errorBuffer[0] = 0
        let started = context.clock.now()
        let raw = plugin.library.read(handle, values, timestamps, Int32(count), errorBuffer, Self.errorCapacity)
        let duration = context.clock.now() &- started
        let code = DriverReturnCode(raw)
        return ProbeReading(
            startedNanoseconds: started, durationNanoseconds: duration, code: code,
            message: code == .ok ? "" : driverError,
            values: code == .ok ? Array(UnsafeBufferPointer(start: values, count: count)) : Array(repeating: .nan, count: count),
            timestampsNanoseconds: code == .ok ? Array(UnsafeBufferPointer(start: timestamps, count: count)) : Array(repeating: 0, count: count))
    }

    /// Writes point `index` to `value`, valid until `validUntilNanoseconds` on the host clock. The host checks
    /// nothing here: limits and writability are the caller's to check and the driver's to enforce.
    public func write(point index: Int, value: Double, validUntilNanoseconds: Int64) -> ProbeWriteResult {
        precondition(!closed, "write after close of bench instance '\(instanceName)'")
        errorBuffer[0] = 0
        let started = context.clock.now()
        let raw = plugin.library.write(handle, Int32(index), value, validUntilNanoseconds, errorBuffer, Self.errorCapacity)
        let duration = context.clock.now() &- started
        let code = DriverReturnCode(raw)
        return ProbeWriteResult(startedNanoseconds: started, durationNanoseconds: duration, code: code,
                                message: code == .ok ? "" : driverError)
    }

    /// Closes the instance: the driver releases the device and its set points revert. Idempotent.
    public func close() {
        guard !closed else { return }
        closed = true
        plugin.library.close(handle)
        // The driver may have kept `host` until close; after it nobody calls back through the block.
        hostBlock.deallocate()
    }
}
