/// Smooth noise in −1 … 1 that depends only on the seed and the time, never on how the simulation is stepped.
///
/// Values are hashed at knots every `correlationSeconds` and linearly interpolated, so a 10 ms and a 1 s
/// fast-forward see the same load wiggle and replays are bit-identical.
public struct DeterministicNoise: Sendable, Hashable {
    public let seed: UInt64
    /// Spacing of independent noise values, seconds.
    public let correlationSeconds: Double

    public init(seed: UInt64, correlationSeconds: Double = 1) {
        self.seed = seed
        self.correlationSeconds = correlationSeconds > 0 ? correlationSeconds : 1
    }

    /// Noise at `seconds`, in −1 … 1.
    @inline(__always)
    public func value(atSeconds seconds: Double) -> Double {
        let position = seconds / correlationSeconds
        let knot = position.rounded(.down)
        let fraction = position - knot
        let index = Int64(knot)
        let v0 = knotValue(index)
        let v1 = knotValue(index &+ 1)
        return v0 + (v1 - v0) * fraction
    }

    @inline(__always)
    private func knotValue(_ index: Int64) -> Double {
        let bits = DeviceRandom.mix(seed &+ UInt64(bitPattern: index) &* 0x9E37_79B9_7F4A_7C15)
        return Double(bits >> 11) * 0x1.0p-52 - 1
    }
}
