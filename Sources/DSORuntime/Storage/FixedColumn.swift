/// A fixed-length column of plain values allocated once, so the cycle can read and write it without
/// copy-on-write checks, reference counting or allocation.
///
/// The owner calls `deallocate()` exactly once (in its `deinit`); the column itself is a plain pointer.
@frozen
public struct FixedColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    // Sendable: the column is a pointer; the kernel confines each column to the thread that runs the
    // cycle, and hand-overs between threads go through the SPSC ring, whose acquire/release orders them.
    @usableFromInline let base: UnsafeMutablePointer<Element>
    public let count: Int

    public init(count: Int, repeating value: Element) {
        precondition(count >= 0, "column length \(count) must not be negative")
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: Swift.max(count, 1))
        self.count = count
    }

    public init(_ values: [Element]) {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(values.count, 1))
        values.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { storage.initialize(from: start, count: source.count) }
        }
        base = storage
        count = values.count
    }

    @inlinable @inline(__always)
    public subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// Sets every element to `value`.
    @inlinable
    public func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// Copies all elements from a column of the same length.
    @inlinable
    public func copy(from other: FixedColumn<Element>) {
        precondition(other.count == count)
        base.update(from: other.base, count: count)
    }

    @inlinable
    public var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// A read-only view of `range`, for solvers that take contiguous slices.
    @inlinable
    public func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    @inlinable
    public func mutableSlice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    public func deallocate() { base.deallocate() }
}
