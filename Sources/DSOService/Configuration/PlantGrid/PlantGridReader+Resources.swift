import DSOModel
import DSOSimulation

/// `[[batteries]]`, `[[pv]]`, `[[loads]]` and `[[dr]]` of a real grid: ratings, placement, dynamics the
/// kernel compensates for, offer and regulation flag.
extension PlantGridReader {
    func readBatteries() {
        for section in root.tables("batteries") {
            rejectSimulationKeys(section, section: "batteries")
            let id = section.requiredString("id")
            let common = commonKeys(section, providesRegulationByDefault: true)
            let power = section.requiredDouble("power_kw", .positive)
            let charge = section.double("charge_kw", default: power, .positive)
            let capacity = section.requiredDouble("capacity_kwh", .positive)
            let soc = socRanges(section)
            section.finish()
            add(ResourceSpec(id: id, kind: .battery, interfacePoint: common.interfacePoint, maximumKW: power,
                             minimumKW: -charge, rampKWPerSecond: common.rampKWPerSecond, energyCapacityKWh: capacity,
                             socBand: soc.band, socLimits: soc.limits, cost: common.cost,
                             providesRegulation: common.providesRegulation, commandDelaySeconds: common.commandDelaySeconds,
                             responseTimeConstantSeconds: common.timeConstantSeconds),
                idKeyPath: section.path("id"))
        }
    }

    func readPV() {
        for section in root.tables("pv") {
            rejectSimulationKeys(section, section: "pv")
            let id = section.requiredString("id")
            let common = commonKeys(section, providesRegulationByDefault: false)
            let rating = section.requiredDouble("rating_kw", .positive)
            section.finish()
            add(ResourceSpec(id: id, kind: .pv, interfacePoint: common.interfacePoint, maximumKW: rating, minimumKW: 0,
                             rampKWPerSecond: common.rampKWPerSecond, cost: common.cost,
                             providesRegulation: common.providesRegulation, commandDelaySeconds: common.commandDelaySeconds,
                             responseTimeConstantSeconds: common.timeConstantSeconds),
                idKeyPath: section.path("id"))
        }
    }

    func readLoads() {
        for section in root.tables("loads") {
            rejectSimulationKeys(section, section: "loads")
            let id = section.requiredString("id")
            let point = interfacePoint(section)
            let peak = section.requiredDouble("peak_kw", .positive)
            section.finish()
            add(ResourceSpec(id: id, kind: .load, interfacePoint: point, maximumKW: 0, minimumKW: -peak),
                idKeyPath: section.path("id"))
        }
    }

    func readDemandResponse() {
        for section in root.tables("dr") {
            rejectSimulationKeys(section, section: "dr")
            let id = section.requiredString("id")
            let common = commonKeys(section, providesRegulationByDefault: false)
            let peak = section.requiredDouble("peak_kw", .positive)
            section.finish()
            add(ResourceSpec(id: id, kind: .demandResponse, interfacePoint: common.interfacePoint, maximumKW: 0,
                             minimumKW: -peak, rampKWPerSecond: common.rampKWPerSecond, cost: common.cost,
                             providesRegulation: common.providesRegulation, commandDelaySeconds: common.commandDelaySeconds,
                             responseTimeConstantSeconds: common.timeConstantSeconds),
                idKeyPath: section.path("id"))
        }
    }

    /// Records a resource, reporting a duplicate id at the second definition.
    private func add(_ resource: ResourceSpec, idKeyPath: String) {
        if let first = resourceKeyPaths[resource.id] {
            diagnostics.report(idKeyPath, "duplicate resource id '\(resource.id)' (first defined at \(first))")
            return
        }
        resourceKeyPaths[resource.id] = idKeyPath
        resources.append(resource)
    }

    /// Placement, dynamics, offer and regulation flag, with the scenario format's keys and limits.
    private func commonKeys(_ section: TableReader, providesRegulationByDefault: Bool)
        -> (interfacePoint: Int, rampKWPerSecond: Double, commandDelaySeconds: Double, timeConstantSeconds: Double,
            cost: MarginalCost, providesRegulation: Bool) {
        (interfacePoint: interfacePoint(section),
         rampKWPerSecond: section.double("ramp_kw_per_s", default: .infinity, .positive),
         commandDelaySeconds: section.double("command_delay_s", default: 0, .within(0...600)),
         timeConstantSeconds: section.double("time_constant_s", default: 0, .within(0...3_600)),
         cost: MarginalCost(linearPerKWh: section.double("cost_linear_per_kwh", default: 0),
                            quadraticPerKWhPerKW: section.double("cost_quadratic_per_kwh_per_kw", default: 0, .nonNegative)),
         providesRegulation: section.bool("provides_regulation", default: providesRegulationByDefault))
    }

    /// `soc_min`/`soc_max` (the BMS's hard limits) and `soc_band_min`/`soc_band_max` (the kernel's band).
    private func socRanges(_ section: TableReader) -> (limits: ClosedRange<Double>, band: ClosedRange<Double>) {
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
