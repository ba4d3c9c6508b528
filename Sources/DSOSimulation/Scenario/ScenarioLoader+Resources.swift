import DSOModel

/// Individual resources: `[[batteries]]`, `[[pv]]`, `[[loads]]`, `[[dr]]`.
extension ScenarioLoader {
    func readBatteries() {
        for section in root.tables("batteries") {
            let id = section.requiredString("id")
            let common = commonKeys(section, providesRegulationByDefault: true)
            let power = section.requiredDouble("power_kw", .positive)
            let charge = section.double("charge_kw", default: power, .positive)
            let capacity = section.requiredDouble("capacity_kwh", .positive)
            let soc = socRanges(section)
            let parameters = BatteryParameters(
                maxDischargeKW: power, maxChargeKW: charge, capacityKWh: capacity,
                chargeEfficiency: section.double("charge_efficiency", default: 0.95, .efficiency),
                dischargeEfficiency: section.double("discharge_efficiency", default: 0.95, .efficiency),
                initialSOC: section.double("initial_soc", default: 0.5, .fraction), socLimits: soc.limits,
                rampKWPerSecond: common.rampKWPerSecond, timeConstantSeconds: common.timeConstantSeconds,
                commandDelaySeconds: common.commandDelaySeconds,
                commandCapacity: commandCapacity(delaySeconds: common.commandDelaySeconds))
            section.finish()
            add(batterySpec(id: id, parameters, common, socBand: soc.band), .battery(parameters), idKeyPath: section.path("id"))
        }
    }

    func batterySpec(id: String, _ parameters: BatteryParameters, _ common: CommonResourceKeys,
                     socBand: ClosedRange<Double>) -> ResourceSpec {
        ResourceSpec(
            id: id, kind: .battery, interfacePoint: common.interfacePoint,
            maximumKW: parameters.maxDischargeKW, minimumKW: -parameters.maxChargeKW,
            rampKWPerSecond: parameters.rampKWPerSecond, energyCapacityKWh: parameters.capacityKWh,
            socBand: socBand, socLimits: parameters.socLimits, cost: common.cost,
            providesRegulation: common.providesRegulation, commandDelaySeconds: parameters.commandDelaySeconds,
            responseTimeConstantSeconds: parameters.timeConstantSeconds)
    }

    func readPV() {
        for section in root.tables("pv") {
            let id = section.requiredString("id")
            let common = commonKeys(section, providesRegulationByDefault: false)
            let parameters = PVParameters(
                ratingKW: section.requiredDouble("rating_kw", .positive), irradiance: profile(section),
                profileScale: section.double("profile_scale", default: 1, .nonNegative),
                rampKWPerSecond: common.rampKWPerSecond, timeConstantSeconds: common.timeConstantSeconds,
                commandDelaySeconds: common.commandDelaySeconds,
                commandCapacity: commandCapacity(delaySeconds: common.commandDelaySeconds))
            section.finish()
            add(pvSpec(id: id, parameters, common), .pv(parameters), idKeyPath: section.path("id"))
        }
    }

    func pvSpec(id: String, _ parameters: PVParameters, _ common: CommonResourceKeys) -> ResourceSpec {
        ResourceSpec(
            id: id, kind: .pv, interfacePoint: common.interfacePoint, maximumKW: parameters.ratingKW, minimumKW: 0,
            rampKWPerSecond: parameters.rampKWPerSecond, cost: common.cost,
            providesRegulation: common.providesRegulation, commandDelaySeconds: parameters.commandDelaySeconds,
            responseTimeConstantSeconds: parameters.timeConstantSeconds)
    }

    func readLoads() {
        for (index, section) in root.tables("loads").enumerated() {
            let id = section.requiredString("id")
            let point = interfacePoint(section)
            let parameters = LoadParameters(
                peakKW: section.requiredDouble("peak_kw", .positive), shape: profile(section),
                profileScale: section.double("profile_scale", default: 1, .nonNegative),
                noiseFraction: section.double("noise_fraction", default: 0, .within(0...0.5)),
                noiseCorrelationSeconds: section.double("noise_correlation_s", default: 1, .positive),
                seed: section.optionalInt("seed", 0...Int.max).map(UInt64.init) ?? derivedSeed("loads", index))
            section.finish()
            let spec = ResourceSpec(id: id, kind: .load, interfacePoint: point, maximumKW: 0,
                                    minimumKW: -parameters.peakKW * parameters.profileScale)
            add(spec, .load(parameters), idKeyPath: section.path("id"))
        }
    }

    func readDemandResponse() {
        for section in root.tables("dr") {
            let id = section.requiredString("id")
            let common = commonKeys(section, providesRegulationByDefault: false)
            let peak = section.requiredDouble("peak_kw", .positive)
            let share = section.requiredDouble("curtailable_share", .fraction)
            let parameters = DemandResponseParameters(
                peakKW: peak, shape: profile(section),
                profileScale: section.double("profile_scale", default: 1, .nonNegative),
                curtailableShare: share,
                maxCurtailmentKW: section.double("max_curtailment_kw", default: share * peak, .nonNegative),
                windows: windows(section), responseDelaySeconds: common.commandDelaySeconds,
                timeConstantSeconds: common.timeConstantSeconds, rampKWPerSecond: common.rampKWPerSecond,
                commandCapacity: commandCapacity(delaySeconds: common.commandDelaySeconds))
            section.finish()
            let spec = ResourceSpec(
                id: id, kind: .demandResponse, interfacePoint: common.interfacePoint, maximumKW: 0,
                minimumKW: -peak * parameters.profileScale, rampKWPerSecond: common.rampKWPerSecond, cost: common.cost,
                providesRegulation: common.providesRegulation, commandDelaySeconds: common.commandDelaySeconds,
                responseTimeConstantSeconds: common.timeConstantSeconds)
            add(spec, .demandResponse(parameters), idKeyPath: section.path("id"))
        }
    }

    /// `windows = [[17, 21], [6, 9]]`: start and end hour pairs; absent means always available.
    private func windows(_ section: TableReader) -> [AvailabilityWindow] {
        guard let value = section.raw("windows") else { return [] }
        let expected = "an array of [start_hour, end_hour] pairs with hours in 0…24"
        guard let array = value.array else {
            section.report("windows", found: section.describe(value), expected: expected)
            return []
        }
        var windows: [AvailabilityWindow] = []
        for element in array {
            let hours = element.array.map { $0.compactMap(TableReader.number) } ?? []
            guard hours.count == 2, hours.allSatisfy({ (0...24).contains($0) }), hours[0] != hours[1] else {
                section.report("windows", found: section.describe(element), expected: expected)
                return []
            }
            windows.append(AvailabilityWindow(startHour: hours[0], endHour: hours[1]))
        }
        return windows
    }
}
