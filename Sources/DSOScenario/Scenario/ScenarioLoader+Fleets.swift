/// `[[battery_fleets]]` and `[[pv_fleets]]`: N similar units generated deterministically from a seed.
extension ScenarioLoader {
    func readBatteryFleets() {
        for (fleetIndex, section) in root.tables(.batteryFleets).enumerated() {
            let count = section.requiredInt("count", 1...100_000)
            let prefix = section.requiredString("id_prefix")
            let common = grid.commonKeys(section, providesRegulationByDefault: true, readsRamp: false)
            let ratings = ratingDrawer(section, base: "power_kw")
            let duration = section.requiredDouble("duration_h", .positive)
            let rampFraction = section.double("ramp_fraction_per_s", default: .infinity, .positive)
            let chargeEfficiency = section.double("charge_efficiency", default: 0.95, .efficiency)
            let dischargeEfficiency = section.double("discharge_efficiency", default: 0.95, .efficiency)
            let initialSOC = section.optionalDoubles("initial_soc_range", .fraction, count: 2) ?? [0.5, 0.5]
            let soc = grid.socRanges(section)
            var random = DeviceRandom(seed: fleetSeed(section, "battery_fleets", fleetIndex))
            section.finish()
            for unit in 0..<count {
                let power = ratings(&random)
                let parameters = BatteryParameters(
                    maxDischargeKW: power, maxChargeKW: power, capacityKWh: power * duration,
                    chargeEfficiency: chargeEfficiency, dischargeEfficiency: dischargeEfficiency,
                    initialSOC: random.next(in: min(initialSOC[0], initialSOC[1])...max(initialSOC[0], initialSOC[1])),
                    socLimits: soc.limits, rampKWPerSecond: rampFraction * power,
                    timeConstantSeconds: common.timeConstantSeconds, commandDelaySeconds: common.commandDelaySeconds,
                    commandCapacity: commandCapacity(delaySeconds: common.commandDelaySeconds))
                let id = unitID(prefix, unit, count)
                let battery = common.resource(id: id, kind: .battery, maximumKW: power, minimumKW: -power,
                                              rampKWPerSecond: parameters.rampKWPerSecond,
                                              energyCapacityKWh: parameters.capacityKWh, soc: soc)
                add(battery, .battery(parameters), idKeyPath: section.path("id_prefix"))
            }
        }
    }

    func readPVFleets() {
        for (fleetIndex, section) in root.tables(.pvFleets).enumerated() {
            let count = section.requiredInt("count", 1...100_000)
            let prefix = section.requiredString("id_prefix")
            let common = grid.commonKeys(section, providesRegulationByDefault: false, readsRamp: false)
            let ratings = ratingDrawer(section, base: "rating_kw")
            let irradiance = profile(section)
            let scale = section.optionalDoubles("profile_scale_range", .nonNegative, count: 2) ?? [1, 1]
            let rampFraction = section.double("ramp_fraction_per_s", default: .infinity, .positive)
            var random = DeviceRandom(seed: fleetSeed(section, "pv_fleets", fleetIndex))
            section.finish()
            for unit in 0..<count {
                let rating = ratings(&random)
                let parameters = PVParameters(
                    ratingKW: rating, irradiance: irradiance,
                    profileScale: random.next(in: min(scale[0], scale[1])...max(scale[0], scale[1])),
                    rampKWPerSecond: rampFraction * rating, timeConstantSeconds: common.timeConstantSeconds,
                    commandDelaySeconds: common.commandDelaySeconds,
                    commandCapacity: commandCapacity(delaySeconds: common.commandDelaySeconds))
                let id = unitID(prefix, unit, count)
                let pv = common.resource(id: id, kind: .pv, maximumKW: rating, minimumKW: 0,
                                         rampKWPerSecond: parameters.rampKWPerSecond)
                add(pv, .pv(parameters), idKeyPath: section.path("id_prefix"))
            }
        }
    }

    /// Reads exactly one of `<base>_range = [low, high]` (uniform, rounded to `<base>_step`) or
    /// `<base>_choices = [a, b, …]` (uniform pick) and returns a drawer for unit ratings, kW.
    private func ratingDrawer(_ section: TableReader, base: String) -> (inout DeviceRandom) -> Double {
        let range = section.optionalDoubles("\(base)_range", .positive, count: 2)
        let choices = section.optionalDoubles("\(base)_choices", .positive)
        let step = section.double("\(base)_step", default: 0.1, .positive)
        let bothOrNeither = section.has("\(base)_range") == section.has("\(base)_choices")
        if bothOrNeither {
            diagnostics.report(section.path("\(base)_range"),
                               "expected exactly one of \(base)_range = [low, high] or \(base)_choices = [a, b, …]")
        }
        if let choices {
            return { random in choices[random.nextIndex(below: choices.count)] }
        }
        if let range {
            let low = min(range[0], range[1])
            let high = max(range[0], range[1])
            return { random in max(step, (random.next(in: low...high) / step).rounded() * step) }
        }
        return { _ in 1 }
    }

    private func fleetSeed(_ section: TableReader, _ salt: String, _ index: Int) -> UInt64 {
        section.optionalInt("seed", 0...Int.max).map(UInt64.init) ?? derivedSeed(salt, index)
    }

    /// `prefix` + 1-based number zero-padded to at least 3 digits, e.g. `roof-pv-007`.
    private func unitID(_ prefix: String, _ unit: Int, _ count: Int) -> String {
        let width = max(3, String(count).count)
        let number = String(unit + 1)
        return prefix + String(repeating: "0", count: width - number.count) + number
    }
}
