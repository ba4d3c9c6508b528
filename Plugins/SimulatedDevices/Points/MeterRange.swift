import DSOScenario

/// Range of an interface meter's reading given its members' output ranges: net import = −Σ + losses ± noise.
enum MeterRange {
    static func netImportKW(_ meter: InterfaceMeter, memberSumKW: ClosedRange<Double>) -> ClosedRange<Double> {
        let low = memberSumKW.lowerBound, high = memberSumKW.upperBound
        var candidates = [meter.netImportKW(memberPowerSumKW: low), meter.netImportKW(memberPowerSumKW: high)]
        // −s + c·s²/R is convex with its minimum at s = R / 2c, which may lie inside the members' range.
        if meter.lossCoefficient > 0, meter.ratingKW > 0 {
            let vertex = min(max(meter.ratingKW / (2 * meter.lossCoefficient), low), high)
            candidates.append(meter.netImportKW(memberPowerSumKW: vertex))
        }
        let noise = abs(meter.noiseKW)
        return (candidates.min()! - noise)...(candidates.max()! + noise)
    }
}
