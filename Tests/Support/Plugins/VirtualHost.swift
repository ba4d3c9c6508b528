import DSODriverABI

/// A host for tests: a clock the test sets (virtual time) and a log it can inspect.
///
/// The plugin calls back synchronously on the thread that called it, one thread at a time, so plain mutable
/// state is enough.
public final class VirtualHost {
    /// What `now_ns` returns.
    public var nowNanoseconds: Int64 = 0
    /// Every message the plugin logged, in order.
    public private(set) var messages: [(level: Int32, text: String)] = []
    private let storage = UnsafeMutablePointer<dso_host>.allocate(capacity: 1)

    /// `structSize` below the real one plays a host built against an older header.
    public init(structSize: UInt32 = UInt32(MemoryLayout<dso_host>.size)) {
        storage.initialize(to: dso_host(
            struct_size: structSize, context: nil,
            log: { context, level, message in
                let host = Unmanaged<VirtualHost>.fromOpaque(context!).takeUnretainedValue()
                host.messages.append((level, message.map { String(cString: $0) } ?? "(NULL)"))
            },
            now_ns: { context in Unmanaged<VirtualHost>.fromOpaque(context!).takeUnretainedValue().nowNanoseconds }))
        storage.pointee.context = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit { storage.deallocate() }

    /// The `dso_host` to pass to `open`; valid while this object lives.
    public var pointer: UnsafePointer<dso_host> { UnsafePointer(storage) }

    /// Sets the clock to cycle `cycle`, on the same nanosecond grid as `dsod simulate`.
    public func set(cycle: Int64, periodNanoseconds: Int64 = 100_000_000) { nowNanoseconds = cycle &* periodNanoseconds }

    /// Whether some logged line contains `text`.
    public func logged(_ text: String) -> Bool { messages.contains { $0.text.contains(text) } }
}
