/// The revenue meter at an interface point: measures net import including the transformer and feeder losses.
///
/// Losses grow with the square of the flow (I²R): `lossesKW = lossCoefficient × flow² / ratingKW`, so a
/// coefficient of 0.01 means 1 % losses at rated flow. Losses are always supplied from CAISO (added to import).
public struct InterfaceMeter: Sendable, Hashable {
    /// Transformer rating used to scale losses, kW.
    public var ratingKW: Double
    /// Losses at rated flow as a fraction of the rating.
    public var lossCoefficient: Double
    /// Amplitude of the deterministic measurement noise, kW (0: a perfect meter).
    public var noiseKW: Double
    private let noise: DeterministicNoise

    public init(ratingKW: Double, lossCoefficient: Double = 0, noiseKW: Double = 0, seed: UInt64 = 0,
                noiseCorrelationSeconds: Double = 1) {
        self.ratingKW = ratingKW
        self.lossCoefficient = lossCoefficient
        self.noiseKW = noiseKW
        noise = DeterministicNoise(seed: seed, correlationSeconds: noiseCorrelationSeconds)
    }

    /// Losses for a member power sum (generation-positive), kW.
    @inline(__always)
    public func lossesKW(memberPowerSumKW: Double) -> Double {
        guard ratingKW > 0 else { return 0 }
        return lossCoefficient * memberPowerSumKW * memberPowerSumKW / ratingKW
    }

    /// True net import (load-positive) for a member power sum: −Σ power + losses, kW.
    @inline(__always)
    public func netImportKW(memberPowerSumKW: Double) -> Double {
        -memberPowerSumKW + lossesKW(memberPowerSumKW: memberPowerSumKW)
    }

    /// What the meter reports at `seconds`: true net import plus its deterministic noise, kW.
    @inline(__always)
    public func measuredNetImportKW(memberPowerSumKW: Double, atSeconds seconds: Double) -> Double {
        let truth = netImportKW(memberPowerSumKW: memberPowerSumKW)
        return noiseKW == 0 ? truth : truth + noiseKW * noise.value(atSeconds: seconds)
    }
}
