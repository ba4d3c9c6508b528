import DSOModel

/// Keys every resource table (and every fleet) shares: placement, dynamics, offer and regulation flag.
struct CommonResourceKeys {
    var interfacePoint: Int
    var rampKWPerSecond: Double
    var commandDelaySeconds: Double
    var timeConstantSeconds: Double
    var cost: MarginalCost
    var providesRegulation: Bool
}

extension ScenarioLoader {
    /// Reads `interface_point`, `ramp_kw_per_s` (unless `rampKey` is nil), `command_delay_s`, `time_constant_s`,
    /// `cost_linear_per_kwh`, `cost_quadratic_per_kwh_per_kw` and `provides_regulation`.
    func commonKeys(_ section: TableReader, providesRegulationByDefault: Bool, readsRamp: Bool = true) -> CommonResourceKeys {
        CommonResourceKeys(
            interfacePoint: interfacePoint(section),
            rampKWPerSecond: readsRamp ? section.double("ramp_kw_per_s", default: .infinity, .positive) : .infinity,
            commandDelaySeconds: section.double("command_delay_s", default: 0, .within(0...600)),
            timeConstantSeconds: section.double("time_constant_s", default: 0, .within(0...3_600)),
            cost: MarginalCost(
                linearPerKWh: section.double("cost_linear_per_kwh", default: 0),
                quadraticPerKWhPerKW: section.double("cost_quadratic_per_kwh_per_kw", default: 0, .nonNegative)),
            providesRegulation: section.bool("provides_regulation", default: providesRegulationByDefault))
    }

    /// `soc_min`/`soc_max` (hard limits) and `soc_band_min`/`soc_band_max` (kernel band), checked for order.
    func socRanges(_ section: TableReader) -> (limits: ClosedRange<Double>, band: ClosedRange<Double>) {
        let low = section.double("soc_min", default: 0.05, .fraction)
        let high = section.double("soc_max", default: 0.95, .fraction)
        let bandLow = section.double("soc_band_min", default: 0.2, .fraction)
        let bandHigh = section.double("soc_band_max", default: 0.8, .fraction)
        guard low < high else {
            section.report("soc_max", found: "\(high)", expected: "more than soc_min (\(low))")
            return (0.05...0.95, 0.2...0.8)
        }
        guard low <= bandLow, bandLow <= bandHigh, bandHigh <= high else {
            section.report("soc_band_min", found: "\(bandLow)…\(bandHigh)",
                           expected: "soc_min ≤ soc_band_min ≤ soc_band_max ≤ soc_max (\(low)…\(high))")
            return (low...high, low...high)
        }
        return (low...high, bandLow...bandHigh)
    }
}
