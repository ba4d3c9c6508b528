/// Deterministic pseudo-random numbers (SplitMix64) so fleets and noise replay identically from a seed.
public struct DeviceRandom: Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The SplitMix64 output function: a strong 64-bit mix of `value`.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return DeviceRandom.mix(state)
    }

    /// Uniform in [0, 1).
    @inline(__always)
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `range`.
    public mutating func next(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
    }

    /// Uniform index in 0 ..< count (count > 0).
    public mutating func nextIndex(below count: Int) -> Int { Int(next() % UInt64(count)) }
}
