import DSOForecast
import DSOModel
import Foundation

/// The service's forecast refresh at scale: 100 targets (45 interface points with a load and a PV system, 10 DR
/// programmes) on 56 days of hourly history. Issue 15's target: one intraday refresh of all of them under 1 s.
/// The reference in the same run is the same refresh with persistence, the floor of reading the history,
/// building the series and issuing (no model to evaluate).
let forecastRefreshBenchmark = Benchmark(
    name: "forecast-refresh",
    summary: "100 forecast targets: daily training and one intraday refresh (ensemble, ridge vs persistence), seconds"
) { arguments in
    let points = 45, programmes = 10, days = 56
    let model = try ForecastBenchFleet.model(points: points, programmes: programmes)
    // 10:30 Pacific on a summer day: the day-ahead deadline has just passed, the next is a day away.
    let now = Int64(UTCTimestamp.unixSeconds("2026-07-15T10:30:00-07:00")!)
    let measured = ForecastBenchFleet.measured(model: model, days: days, before: now + 4 * 3600)
    let refreshes = arguments.quick ? 3 : 8
    print("\(model.interfacePoints.count) interface points, \(model.resources.count) resources, \(days) days of hourly history, \(refreshes) intraday refreshes each\n")
    print("| forecaster | targets | training + day-ahead (s) | intraday refresh median (s) | max (s) | forecasts per refresh |")
    print("|---|---:|---:|---:|---:|---:|")
    var medians: [String: Double] = [:]
    for forecaster in arguments.quick ? ["ensemble", "persistence"] : ["ensemble", "ridge", "persistence"] {
        var settings = ForecastSettings()
        settings.forecaster = forecaster
        settings.site = try SolarSite(latitudeDegrees: 34.05, longitudeDegrees: -118.25)
        var refresher = ForecastRefresher(engine: ForecastEngine(settings: settings),
                                          targets: try ForecastTarget.targets(of: model, programmes: [:]),
                                          history: TargetHistory(samplesPerHour: 1800))
        let visible = measured.filter { $0.hourStartUnixSeconds < now }
        let started = nowNanoseconds()
        let first = refresher.refresh(measured: visible, nowUnixSeconds: now)
        let trainingSeconds = Double(nowNanoseconds() - started) / 1e9
        guard first.problems.isEmpty else { throw BenchFailure(message: "\(forecaster): \(first.problems.prefix(3))") }
        var seconds: [Double] = []
        var count = 0
        for step in 1...refreshes {
            let at = now + Int64(step) * 900
            let history = measured.filter { $0.hourStartUnixSeconds < at }
            let start = nowNanoseconds()
            let round = refresher.refresh(measured: history, nowUnixSeconds: at)
            seconds.append(Double(nowNanoseconds() - start) / 1e9)
            guard round.trainedTargets.isEmpty, round.problems.isEmpty else { throw BenchFailure(message: "\(forecaster): retrained or failed at step \(step)") }
            count = round.forecasts.count
        }
        let percentiles = Percentiles(seconds)
        medians[forecaster] = percentiles.median
        print("| \(forecaster) | \(refresher.targets.count) | \(format(trainingSeconds)) | \(format(percentiles.median, 3)) | \(format(percentiles.max, 3)) | \(count) |")
    }
    print("")
    let ensemble = medians["ensemble"] ?? .nan, floor = medians["persistence"] ?? .nan
    print("ensemble intraday refresh: \(format(ensemble, 3)) s for 100 targets (target < 1 s); persistence, the floor: \(format(floor, 3)) s")
}

/// The made-up fleet the benchmark forecasts: a daily load shape, a clear-sky-like PV shape with daily clouds and
/// DR baselines, with seeded noise.
enum ForecastBenchFleet {
    static func model(points: Int, programmes: Int) throws -> SubstationModel {
        var resources: [ResourceSpec] = []
        for point in 0..<points {
            resources.append(ResourceSpec(id: "LOAD-\(point)", kind: .load, interfacePoint: point, maximumKW: 0, minimumKW: -4000))
            resources.append(ResourceSpec(id: "PV-\(point)", kind: .pv, interfacePoint: point, maximumKW: 900, minimumKW: 0))
            if point < programmes {
                resources.append(ResourceSpec(id: "DR-\(point)", kind: .demandResponse, interfacePoint: point, maximumKW: 0, minimumKW: -600))
            }
        }
        return try SubstationModel(interfacePoints: (0..<points).map {
            InterfacePointSpec(id: "SUB-\($0)", importLimitKW: 10_000, exportLimitKW: 5000, deviationBandKW: 100)
        }, resources: resources)
    }

    static func measured(model: SubstationModel, days: Int, before end: Int64) -> [MeasuredHour] {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var hours: [MeasuredHour] = []
        let first = (end / 3600) * 3600 - Int64(days) * 86_400
        var cloud = 1.0
        for hour in stride(from: first, to: end, by: 3600) {
            let utcHour = Int((hour / 3600) % 24)
            let local = (utcHour + 17) % 24
            if local == 0 { cloud = 0.5 + 0.5 * uniform() }
            let shape = 2000 + 700 * sin(Double(local - 8) / 24 * 2 * .pi)
            let sun = local >= 6 && local < 20 ? sin(Double(local - 6) / 14 * .pi) : 0
            for (index, resource) in model.resources.enumerated() {
                let noise = 1 + 0.04 * (uniform() - 0.5)
                let kw: Double = switch resource.kind {
                case .load: -shape * noise * (1 + 0.01 * Double(resource.interfacePoint))
                case .pv: 800 * sun * cloud * noise
                default: -0.2 * shape * noise
                }
                hours.append(MeasuredHour(resource: index, hourStartUnixSeconds: hour, meanMeasuredKW: kw,
                                          meanSetpointKW: resource.kind == .demandResponse ? resource.minimumKW : nil, samples: 1800))
            }
        }
        return hours
    }
}
