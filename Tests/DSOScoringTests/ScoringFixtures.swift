/// Small deterministic series for scoring tests (no files, no system randomness).
enum ScoringFixtures {
    /// A 64-bit linear congruential generator: enough to make uncorrelated test values.
    struct Noise {
        var state: UInt64
        mutating func nextUnit() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// Independent random MW values held for 10 s each, sampled every `periodSeconds`:
    /// each 10-s slot is a fresh value, so correlation at any nonzero delay is near zero.
    static func heldNoiseMW(hours: Double, periodSeconds: Double = 2, amplitudeMW: Double = 5, seed: UInt64 = 7) -> [Double] {
        var noise = Noise(state: seed)
        let samplesPerSlot = Int(10 / periodSeconds)
        let slots = Int(hours * 360)
        var values: [Double] = []
        values.reserveCapacity(slots * samplesPerSlot)
        for _ in 0..<slots {
            let value = amplitudeMW * noise.nextUnit()
            values.append(contentsOf: repeatElement(value, count: samplesPerSlot))
        }
        return values
    }

    /// A smooth bounded random walk in MW, sampled every `periodSeconds`.
    static func randomWalkMW(count: Int, seed: UInt64 = 11) -> [Double] {
        var noise = Noise(state: seed)
        var value = 0.0
        return (0..<count).map { _ in
            value = min(8, max(-8, value + 0.3 * noise.nextUnit()))
            return value
        }
    }

    /// `series` delayed by `samples` steps; the first samples repeat the first value.
    static func delayed(_ series: [Double], bySamples samples: Int) -> [Double] {
        series.indices.map { series[max(0, $0 - samples)] }
    }
}
