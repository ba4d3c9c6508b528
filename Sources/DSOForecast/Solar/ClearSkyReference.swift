/// The clear-sky envelope of a PV series, hour by hour: the mean of four clear-sky samples in each hour (GHI,
/// or a PV system's AC power) and whether the hour's sun is high enough for a clear-sky index to mean
/// anything (apparent zenith at mid-hour ≤ 85°, `ClearSkyIndex`'s rule). Computed once per series, because
/// the SPA is not cheap and every forecaster reads it many times.
public struct ClearSkyReference: Sendable {
    /// Clear-sky value per hour (the series' unit).
    public let values: HourlySeries
    /// 1 where the hour's clear-sky index is defined, 0 where the sun is too low.
    public let indexable: HourlySeries

    /// For hours `startUnixSeconds` … + `count` hours: clear-sky GHI at `site`, or `system`'s clear-sky AC kW.
    public init(site: SolarSite, model: ClearSkyModel, system: PVSystem? = nil, startUnixSeconds: Int64, count: Int) {
        var values = [Double](repeating: 0, count: count)
        var indexable = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let hour = Double(startUnixSeconds + Int64(index) * 3600)
            var sum = 0.0
            for quarter in 0..<4 {
                let instant = hour + 450 + Double(quarter) * 900
                if let system {
                    sum += system.clearSkyPowerKW(unixSeconds: instant, clearSky: model)
                } else {
                    sum += model.irradiance(unixSeconds: instant, site: site).ghiWattsPerSquareMetre
                }
            }
            values[index] = sum / 4
            let zenith = SolarPosition(unixSeconds: hour + 1800, site: site).apparentZenithDegrees
            indexable[index] = zenith <= ClearSkyIndex.maximumZenithDegrees && values[index] > 0 ? 1 : 0
        }
        self.values = HourlySeries(startUnixSeconds: startUnixSeconds, values: values)
        self.indexable = HourlySeries(startUnixSeconds: startUnixSeconds, values: indexable)
    }

    /// The clear-sky value of the hour starting at `hourStart` (NaN outside the reference).
    public func clearSky(atHourStart hourStart: Int64) -> Double { values.value(atHourStart: hourStart) }

    /// The clear-sky index of the same hour of the latest day (up to two weeks back) whose value was known at
    /// the view's issue time; NaN when that hour's sun is too low or none is known.
    public func latestIndex(sameHourAs hourStart: Int64, in view: IssueTimeView) -> Double {
        for days in 1...14 {
            let earlier = hourStart - Int64(days) * 86_400
            let measured = view.value(atHourStart: earlier)
            if !measured.isNaN { return index(measured: measured, atHourStart: earlier) }
        }
        return .nan
    }

    /// The clear-sky index of `measured` in the hour starting at `hourStart`, NaN when the sun is too low.
    public func index(measured: Double, atHourStart hourStart: Int64) -> Double {
        guard indexable.value(atHourStart: hourStart) == 1 else { return .nan }
        return ClearSkyIndex.index(measured: measured, clearSky: clearSky(atHourStart: hourStart), apparentZenithDegrees: 0)
    }
}
