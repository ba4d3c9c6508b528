/// Log-linear bucket layout for lateness (8 buckets per power of two, about 12 % resolution),
/// fixed so recording is an index computation into preallocated counters.
enum LatenessBuckets {
    /// Bucket 0 holds everything below 1024 ns; the last bucket also holds anything beyond ~120 s.
    static let count = 224
    static let subBucketBits = 3
    static let firstExponent = 10

    /// The bucket for a lateness; negative values count as on time.
    @inline(__always)
    static func index(ofNanoseconds value: Int64) -> Int {
        guard value >= 1 << firstExponent else { return 0 }
        let exponent = Int64.bitWidth - 1 - value.leadingZeroBitCount
        let subBucket = Int(value >> (exponent - subBucketBits)) & ((1 << subBucketBits) - 1)
        return Swift.min(1 + (exponent - firstExponent) << subBucketBits + subBucket, count - 1)
    }

    /// Largest lateness that falls in bucket `index` (the value reported for a percentile).
    static func upperBoundNanoseconds(ofBucket index: Int) -> Int64 {
        guard index > 0 else { return (1 << firstExponent) - 1 }
        let exponent = firstExponent + (index - 1) >> subBucketBits
        let subBucket = Int64((index - 1) & ((1 << subBucketBits) - 1))
        return ((1 << subBucketBits) + subBucket + 1) << (exponent - subBucketBits) - 1
    }
}
