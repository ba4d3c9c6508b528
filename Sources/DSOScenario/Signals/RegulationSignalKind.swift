import Foundation

/// The two PJM regulation products a generated signal imitates; named as scenario files name them.
public enum RegulationSignalKind: String, Sendable, Hashable, CaseIterable {
    /// Traditional (RegA-like): slow, low-pass, may sit on one side for many minutes; ≈ 5–7 pu/h mileage.
    case regA = "rega"
    /// Dynamic (RegD-like): fast, high-pass, energy-neutral within minutes; ≈ 5× RegA's mileage.
    case regD = "regd"

    /// A deterministic signal of this kind: same seed, duration and period give the same samples.
    ///
    /// Samples run from 0 to `durationSeconds` inclusive, every `samplePeriodSeconds` (2 s for
    /// PJM, 4 s for CAISO; any positive period works).
    /// - Precondition: `durationSeconds >= samplePeriodSeconds > 0`.
    public func generate(durationSeconds: Double, samplePeriodSeconds: Double = 2, seed: UInt64) -> RegulationSignal {
        precondition(samplePeriodSeconds > 0 && samplePeriodSeconds.isFinite, "sample period must be positive")
        precondition(durationSeconds >= samplePeriodSeconds, "duration must hold at least two samples")
        let count = Int((durationSeconds / samplePeriodSeconds + 1e-9).rounded(.down)) + 1
        var noise = RegulationNoiseSource(seed: seed)
        let values: [Double]
        switch self {
        case .regA: values = Self.regAValues(count: count, step: samplePeriodSeconds, noise: &noise)
        case .regD: values = Self.regDValues(count: count, step: samplePeriodSeconds, noise: &noise)
        }
        // Uniform, finite, clamped values: the checks in init cannot fail.
        return try! RegulationSignal(samplePeriodSeconds: samplePeriodSeconds, values: values)
    }

    /// Slow wander (τ 20 min) plus minute-scale moves (τ 2 min), smoothed by a 60-s lag like a
    /// ramp-limited AGC, then clipped: long one-sided stretches and ≈ 5–7 pu/h, as PJM RegA.
    private static func regAValues(count: Int, step: Double, noise: inout RegulationNoiseSource) -> [Double] {
        var drift = RegulationDriftProcess(value: 0, timeConstantSeconds: 1200, standardDeviation: 0.6)
        drift.value = 0.6 * noise.nextGaussian()
        var moves = RegulationDriftProcess(value: 0, timeConstantSeconds: 120, standardDeviation: 0.1)
        let smoothing = 1 - exp(-step / 60)
        var output = drift.value
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            values.append(min(1, max(-1, output)))
            let target = drift.advance(seconds: step, using: &noise) + moves.advance(seconds: step, using: &noise)
            output += (target - output) * smoothing
        }
        return values
    }

    /// Minute-scale noise (τ 2 min, 30-s smoothing) minus its own running energy over a 200-s
    /// time constant: the integral stays bounded, so the signal is energy-neutral within
    /// ~15 minutes while moving ≈ 25–30 pu/h, as PJM RegD.
    private static func regDValues(count: Int, step: Double, noise: inout RegulationNoiseSource) -> [Double] {
        var fast = RegulationDriftProcess(value: 0, timeConstantSeconds: 120, standardDeviation: 0.7)
        let smoothing = 1 - exp(-step / 30)
        let energyTimeConstantSeconds = 200.0
        var smoothed = 0.0
        var energySeconds = 0.0
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let value = min(1, max(-1, smoothed - energySeconds / energyTimeConstantSeconds))
            values.append(value)
            energySeconds += value * step
            smoothed += (fast.advance(seconds: step, using: &noise) - smoothed) * smoothing
        }
        return values
    }
}

extension RegulationSignal {
    /// A RegA-like signal; see `RegulationSignalKind.regA`.
    public static func regA(durationSeconds: Double, samplePeriodSeconds: Double = 2, seed: UInt64) -> RegulationSignal {
        RegulationSignalKind.regA.generate(durationSeconds: durationSeconds, samplePeriodSeconds: samplePeriodSeconds, seed: seed)
    }

    /// A RegD-like signal; see `RegulationSignalKind.regD`.
    public static func regD(durationSeconds: Double, samplePeriodSeconds: Double = 2, seed: UInt64) -> RegulationSignal {
        RegulationSignalKind.regD.generate(durationSeconds: durationSeconds, samplePeriodSeconds: samplePeriodSeconds, seed: seed)
    }
}
