import DSOForecast
import DSOPlanning

/// Small fleets whose best plans can be worked out by hand.
enum PlanFixtures {
    /// Intervals of `minutes` from 2026-07-15 00:00 UTC.
    static func horizon(_ count: Int, minutes: Int = 60) throws -> PlanningHorizon {
        try PlanningHorizon(startUnixSeconds: 1_784_073_600, count: count, minutes: minutes, zone: .utc)
    }

    /// One interface point with `loadKW` and a lossless battery that starts empty and must end empty.
    static func oneBattery(loadKW: [Double], importLimitKW: Double = 10_000, efficiency: Double = 1, powerKW: Double = 100,
                           energyKWh: Double = 100) -> PlanningFleet {
        var battery = PlanningFleet.Battery(id: "BESS", interfacePoint: 0, chargeKW: powerKW, dischargeKW: powerKW,
                                            capacityKWh: energyKWh, initialSOC: 0)
        battery.chargeEfficiency = efficiency
        battery.dischargeEfficiency = efficiency
        battery.socBand = 0...1
        battery.degradationPerMWh = 0
        battery.providesRegulation = false
        return PlanningFleet(interfacePoints: [.init(id: "SUB", importLimitKW: importLimitKW, exportLimitKW: 10_000,
                                                     inflexibleLoadKW: loadKW)],
                             batteries: [battery])
    }
}
