import Synchronization

/// The clock the host gives its drivers (`dso_host.now_ns`) and stamps reads with: a real clock on the
/// kernel's time base (threaded mode) or the virtual time of the cycle being run (synchronous mode).
final class HostClock: Sendable {
    private let source: (@Sendable () -> Int64)?
    private let virtualNanoseconds = Atomic<Int64>(0)

    /// A real clock; `source` must return nanoseconds on the kernel's clock.
    init(source: @escaping @Sendable () -> Int64) { self.source = source }
    /// A virtual clock that only moves with `setVirtual`.
    init() { source = nil }

    var isVirtual: Bool { source == nil }

    @inline(__always)
    func now() -> Int64 { source?() ?? virtualNanoseconds.load(ordering: .relaxed) }

    func setVirtual(_ nanoseconds: Int64) { virtualNanoseconds.store(nanoseconds, ordering: .relaxed) }
}
