import DSOForecast
import DSOModel
import Foundation

/// A made-up substation with a load, a PV system and a DR programme behind one interface point, and hourly
/// meter means for it as the historian would aggregate them (2 s samples: 1800 per hour).
enum SyntheticFleet {
    static let samplesPerHour = 1800

    static func model() throws -> SubstationModel {
        try SubstationModel(
            interfacePoints: [InterfacePointSpec(id: "SUB-A", importLimitKW: 5000, exportLimitKW: 2000, deviationBandKW: 100)],
            resources: [
                ResourceSpec(id: "LOAD-A", kind: .load, interfacePoint: 0, maximumKW: 0, minimumKW: -3000),
                ResourceSpec(id: "PV-A", kind: .pv, interfacePoint: 0, maximumKW: 800, minimumKW: 0),
                ResourceSpec(id: "DR-A", kind: .demandResponse, interfacePoint: 0, maximumKW: 0, minimumKW: -600),
            ])
    }

    /// The load's true consumption in the hour starting at `hour` (kW, positive): a daily shape in Pacific time.
    static func loadKW(_ hour: Int64) -> Double {
        let local = MarketTimeZone.pacific.local(hour)
        let weekend = local.day.weekday == 0 || local.day.weekday == 6
        return (weekend ? 1_600 : 2_000) + 600 * sin(Double(local.hour - 6) / 24 * 2 * .pi)
    }

    /// PV output: a half-sine from 07:00 to 19:00 Pacific standard time, scaled by a daily cloudiness.
    static func pvKW(_ hour: Int64, cloud: Double) -> Double {
        let local = Double((hour / 3600 - 8).floorModulo(24))
        guard local >= 7, local < 19 else { return 0 }
        return 700 * sin((local + 0.5 - 7) / 12 * .pi) * cloud
    }

    /// `days` days of hourly means before `now` (the hour in progress partly), with noise of `sigma` (relative).
    static func measured(days: Int, before now: Int64, sigma: Double = 0.03, seed: UInt64 = 3,
                         calledHours: Set<Int64> = []) -> [MeasuredHour] {
        var generator = SplitMix(seed: seed)
        var hours: [MeasuredHour] = []
        let first = (now / 3600) * 3600 - Int64(days) * 86_400
        var cloud = 1.0
        for hour in stride(from: first, to: now, by: 3600) {
            if (hour / 3600) % 24 == 0 { cloud = 0.6 + 0.4 * generator.uniform() }
            let load = loadKW(hour) * (1 + sigma * generator.normal())
            let pv = max(0, pvKW(hour, cloud: cloud) * (1 + sigma * generator.normal()))
            let drBaseline = 0.2 * loadKW(hour)
            let called = calledHours.contains(hour)
            hours.append(MeasuredHour(resource: 0, hourStartUnixSeconds: hour, meanMeasuredKW: -load, meanSetpointKW: nil,
                                      samples: samplesPerHour))
            hours.append(MeasuredHour(resource: 1, hourStartUnixSeconds: hour, meanMeasuredKW: pv, meanSetpointKW: 800,
                                      samples: samplesPerHour))
            hours.append(MeasuredHour(resource: 2, hourStartUnixSeconds: hour,
                                      meanMeasuredKW: called ? -drBaseline * 0.5 : -drBaseline,
                                      meanSetpointKW: called ? -drBaseline * 0.5 : -600, samples: samplesPerHour))
        }
        return hours
    }

    static func engine(forecaster: String = "ensemble") throws -> ForecastEngine {
        var settings = ForecastSettings()
        settings.forecaster = forecaster
        settings.historyDays = 56
        settings.site = try SolarSite(latitudeDegrees: 34.05, longitudeDegrees: -118.25)
        return ForecastEngine(settings: settings)
    }
}

extension Int64 {
    func floorModulo(_ divisor: Int64) -> Int64 { ((self % divisor) + divisor) % divisor }
}
