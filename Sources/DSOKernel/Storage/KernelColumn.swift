public import DSORuntime
/// A fixed column of kernel state: every module may read it, only the kernel writes it.
///
/// It wraps the same pointer as a `FixedColumn` (no copy, no allocation, no reference counting); the
/// setter is internal, so no layer outside the kernel can change state the cycle relies on. The telemetry
/// board, written by the device side, stays a plain `FixedColumn`.
@frozen
public struct KernelColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    // Sendable: as `FixedColumn` — confined to the kernel thread; readers on other threads see it after
    // a hand-over through an SPSC ring or on the kernel's own thread between cycles.
    @usableFromInline let storage: FixedColumn<Element>

    init(_ storage: FixedColumn<Element>) { self.storage = storage }
    init(count: Int, repeating value: Element) { storage = FixedColumn(count: count, repeating: value) }
    init(_ values: [Element]) { storage = FixedColumn(values) }

    @inlinable public var count: Int { storage.count }

    @inlinable
    public internal(set) subscript(index: Int) -> Element {
        @inline(__always) get { storage[index] }
        @inline(__always) nonmutating set { storage[index] = newValue }
    }

    /// A read-only view of `range`, for solvers that take contiguous slices.
    @inlinable
    public func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> { storage.slice(range) }

    func mutableSlice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> { storage.mutableSlice(range) }
    func fill(_ value: Element) { storage.fill(value) }
    func copy(from other: FixedColumn<Element>) { storage.copy(from: other) }
    func copy(from other: KernelColumn<Element>) { storage.copy(from: other.storage) }
    func deallocate() { storage.deallocate() }
}

extension FixedColumn {
    /// Copies all elements of a kernel column of the same length (readers taking a snapshot of state).
    @inlinable
    public func copy(from other: KernelColumn<Element>) { copy(from: other.storage) }
}
