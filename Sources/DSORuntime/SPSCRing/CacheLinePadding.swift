/// 128 bytes of filler that keep the producer's and the consumer's indices on separate cache
/// lines (two 64-byte lines, because x86 prefetches adjacent pairs), so neither side's writes
/// invalidate the line the other side is spinning on.
@usableFromInline
@frozen
struct CacheLinePadding {
    @usableFromInline let words: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int)

    @inlinable
    init() {
        words = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    }
}
