import DSOModel

/// Individual resources: `[[batteries]]`, `[[pv]]`, `[[loads]]`, `[[dr]]`. `GridReader` reads what the kernel
/// sees; the device's physics is derived from that, plus the keys only a simulated device has.
extension ScenarioLoader {
    func readBatteries() {
        for section in root.tables(.batteries) {
            let battery = grid.battery(section)
            let parameters = BatteryParameters(
                maxDischargeKW: battery.maximumKW, maxChargeKW: -battery.minimumKW, capacityKWh: battery.energyCapacityKWh,
                chargeEfficiency: section.double("charge_efficiency", default: 0.95, .efficiency),
                dischargeEfficiency: section.double("discharge_efficiency", default: 0.95, .efficiency),
                initialSOC: section.double("initial_soc", default: 0.5, .fraction), socLimits: battery.socLimits,
                rampKWPerSecond: battery.rampKWPerSecond, timeConstantSeconds: battery.responseTimeConstantSeconds,
                commandDelaySeconds: battery.commandDelaySeconds,
                commandCapacity: commandCapacity(delaySeconds: battery.commandDelaySeconds))
            section.finish()
            add(battery, .battery(parameters), idKeyPath: section.path("id"))
        }
    }

    func readPV() {
        for section in root.tables(.pv) {
            let pv = grid.pv(section)
            let parameters = PVParameters(
                ratingKW: pv.maximumKW, irradiance: profile(section),
                profileScale: section.double("profile_scale", default: 1, .nonNegative),
                rampKWPerSecond: pv.rampKWPerSecond, timeConstantSeconds: pv.responseTimeConstantSeconds,
                commandDelaySeconds: pv.commandDelaySeconds,
                commandCapacity: commandCapacity(delaySeconds: pv.commandDelaySeconds))
            section.finish()
            add(pv, .pv(parameters), idKeyPath: section.path("id"))
        }
    }

    /// A simulated load's or DR's profile scale scales its peak, and so the lowest output the kernel expects.
    func readLoads() {
        for (index, section) in root.tables(.loads).enumerated() {
            var load = grid.load(section)
            let parameters = LoadParameters(
                peakKW: -load.minimumKW, shape: profile(section),
                profileScale: section.double("profile_scale", default: 1, .nonNegative),
                noiseFraction: section.double("noise_fraction", default: 0, .within(0...0.5)),
                noiseCorrelationSeconds: section.double("noise_correlation_s", default: 1, .positive),
                seed: section.optionalInt("seed", 0...Int.max).map(UInt64.init) ?? derivedSeed("loads", index))
            section.finish()
            load.minimumKW = -parameters.peakKW * parameters.profileScale
            add(load, .load(parameters), idKeyPath: section.path("id"))
        }
    }

    func readDemandResponse() {
        for section in root.tables(.demandResponse) {
            var demandResponse = grid.demandResponse(section)
            let peak = -demandResponse.minimumKW
            let share = section.requiredDouble("curtailable_share", .fraction)
            let parameters = DemandResponseParameters(
                peakKW: peak, shape: profile(section),
                profileScale: section.double("profile_scale", default: 1, .nonNegative),
                curtailableShare: share,
                maxCurtailmentKW: section.double("max_curtailment_kw", default: share * peak, .nonNegative),
                windows: section.availabilityWindows("windows"), responseDelaySeconds: demandResponse.commandDelaySeconds,
                timeConstantSeconds: demandResponse.responseTimeConstantSeconds,
                rampKWPerSecond: demandResponse.rampKWPerSecond,
                commandCapacity: commandCapacity(delaySeconds: demandResponse.commandDelaySeconds))
            section.finish()
            demandResponse.minimumKW = -peak * parameters.profileScale
            add(demandResponse, .demandResponse(parameters), idKeyPath: section.path("id"))
        }
    }
}
