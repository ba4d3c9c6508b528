/// Turns the historian's hourly meter means into a target's hourly series, with the rules that keep a
/// forecaster from learning from hours that do not describe the target: an hour counts only if every member
/// resource was measured for at least `minimumCoverage` of it; a DR programme's called hours are left out of
/// its baseline; short gaps are filled linearly and counted, as a CSV's are.
public struct TargetHistory: Sendable {
    /// Samples a fully measured hour has (3600 s ÷ the historian's telemetry interval).
    public var samplesPerHour: Double
    /// Share of an hour's samples each member needs for the hour to count.
    public var minimumCoverage = 0.5
    /// Gaps of at most this many hours are filled linearly.
    public var fillGapsUpToHours = 3

    public init(samplesPerHour: Double) {
        self.samplesPerHour = samplesPerHour
    }

    /// What building a series found: hours with a value, hours filled, hours left missing, called hours dropped.
    public struct Repairs: Sendable, Hashable {
        public var measuredHours = 0
        public var filledHours = 0
        public var missingHours = 0
        public var calledHours = 0
    }

    /// The target's series on the hours `startUnixSeconds` … + `count` (kW, the target's sign: load and DR
    /// consumption positive, PV generation positive); hours after the last measured one stay NaN.
    public func series(for target: ForecastTarget, measured: [MeasuredHour], startUnixSeconds: Int64,
                       count: Int) -> (series: HourlySeries, repairs: Repairs) {
        var sums = [Double](repeating: 0, count: count)
        var members = [Int](repeating: 0, count: count)
        var called = [Bool](repeating: false, count: count)
        let position = Dictionary(uniqueKeysWithValues: target.resources.enumerated().map { ($1, $0) })
        let sign: Double = target.kind == .pv ? 1 : -1
        let needed = Int((samplesPerHour * minimumCoverage).rounded(.up))
        for hour in measured {
            guard let member = position[hour.resource], hour.samples >= max(1, needed), hour.meanMeasuredKW.isFinite else { continue }
            let offset = hour.hourStartUnixSeconds - startUnixSeconds
            guard offset >= 0, offset % 3600 == 0, offset / 3600 < count else { continue }
            let index = Int(offset / 3600)
            sums[index] += sign * hour.meanMeasuredKW
            members[index] += 1
            if target.kind == .drAvailable, let setpoint = hour.meanSetpointKW, member < target.restSetpointKW.count {
                let rest = target.restSetpointKW[member]
                if setpoint > rest + max(1, 0.01 * rest.magnitude) { called[index] = true }
            }
        }
        var repairs = Repairs()
        var values = [Double](repeating: .nan, count: count)
        for index in 0..<count where members[index] == target.resources.count {
            if called[index] {
                repairs.calledHours += 1
            } else {
                values[index] = sums[index]
                repairs.measuredHours += 1
            }
        }
        // Only the past is repaired: a gap must be closed by a measured hour on its far side.
        repairs.filledHours = SeriesCSV.fillGaps(&values, upToHours: fillGapsUpToHours)
        if let last = values.lastIndex(where: { !$0.isNaN }) {
            repairs.missingHours = values[...last].count { $0.isNaN }
        }
        return (HourlySeries(startUnixSeconds: startUnixSeconds, values: values), repairs)
    }
}
