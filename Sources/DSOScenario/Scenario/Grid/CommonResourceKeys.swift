import DSOModel

/// Keys every resource table (and every fleet) shares: placement, dynamics, offer and regulation flag.
struct CommonResourceKeys {
    var interfacePoint: Int
    var rampKWPerSecond: Double
    var commandDelaySeconds: Double
    var timeConstantSeconds: Double
    var cost: MarginalCost
    var providesRegulation: Bool

    /// The kernel's view of a resource with these keys. A fleet passes each unit's ramp (drawn per unit);
    /// `soc` is a battery's (hard limits, kernel band) and leaves the model's defaults otherwise.
    func resource(id: String, kind: ResourceKind, maximumKW: Double, minimumKW: Double,
                  rampKWPerSecond unitRamp: Double? = nil, energyCapacityKWh: Double = 0,
                  soc: SOCRanges? = nil) -> ResourceSpec {
        var resource = ResourceSpec(
            id: id, kind: kind, interfacePoint: interfacePoint, maximumKW: maximumKW, minimumKW: minimumKW,
            rampKWPerSecond: unitRamp ?? rampKWPerSecond, energyCapacityKWh: energyCapacityKWh, cost: cost,
            providesRegulation: providesRegulation, commandDelaySeconds: commandDelaySeconds,
            responseTimeConstantSeconds: timeConstantSeconds)
        if let soc {
            resource.socLimits = soc.limits
            resource.socBand = soc.band
        }
        return resource
    }
}

/// A battery's state-of-charge limits: the BMS's hard ones and the band the kernel keeps it in.
struct SOCRanges {
    var limits: ClosedRange<Double>
    var band: ClosedRange<Double>
}

extension GridReader {
    /// Reads `interface_point`, `ramp_kw_per_s` (unless `readsRamp` is false: a fleet rates ramps per unit),
    /// `command_delay_s`, `time_constant_s`, `cost_linear_per_kwh`, `cost_quadratic_per_kwh_per_kw` and
    /// `provides_regulation`.
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
    func socRanges(_ section: TableReader) -> SOCRanges {
        let low = section.double("soc_min", default: 0.05, .fraction)
        let high = section.double("soc_max", default: 0.95, .fraction)
        let bandLow = section.double("soc_band_min", default: 0.2, .fraction)
        let bandHigh = section.double("soc_band_max", default: 0.8, .fraction)
        guard low < high else {
            section.report("soc_max", found: "\(high)", expected: "more than soc_min (\(low))")
            return SOCRanges(limits: 0.05...0.95, band: 0.2...0.8)
        }
        guard low <= bandLow, bandLow <= bandHigh, bandHigh <= high else {
            section.report("soc_band_min", found: "\(bandLow)…\(bandHigh)",
                           expected: "soc_min ≤ soc_band_min ≤ soc_band_max ≤ soc_max (\(low)…\(high))")
            return SOCRanges(limits: low...high, band: low...high)
        }
        return SOCRanges(limits: low...high, band: bandLow...bandHigh)
    }
}
