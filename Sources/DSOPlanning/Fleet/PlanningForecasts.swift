public import DSOScenario
public import DSOStatusSchema

/// The forecasts a plan needs, kW per interval of its horizon, by the forecast layer's target names:
/// `<interface point>/load` (uncontrolled consumption, DR baselines included), `<interface point>/pv` (what the
/// sun allows, shared among the point's PV by rating) and `<DR resource>/dr-available`.
public struct PlanningForecasts: Sendable {
    public var seriesKW: [String: [Double]]

    public init(seriesKW: [String: [Double]]) {
        self.seriesKW = seriesKW
    }

    /// A simulated scenario's own profiles, read at each interval's middle as local time of day: the forecast a
    /// perfect forecaster of the simulation would make (no history needed; for `dsod plan` on a scenario).
    public static func profiles(of scenario: Scenario, horizon: PlanningHorizon) -> PlanningForecasts {
        let model = scenario.model
        var series: [String: [Double]] = [:]
        let secondsOfDay = horizon.intervals.map { interval -> Double in
            let middle = interval.startUnixSeconds + Int64(interval.minutes * 30)
            let local = horizon.zone.local(middle)
            return Double(local.hour * 3600 + local.minute * 60) + Double(middle % 60)
        }
        for (resource, device) in zip(model.resources, scenario.devices) {
            let point = model.interfacePoints[resource.interfacePoint].id
            func add(_ key: String, _ values: [Double]) {
                series[key] = zip(series[key] ?? values.map { _ in 0 }, values).map(+)
            }
            switch device {
            case .load(let load):
                add("\(point)/load", secondsOfDay.map { max(0, load.shape.value(atSeconds: $0) * load.profileScale) * load.peakKW })
            case .pv(let pv):
                add("\(point)/pv", secondsOfDay.map { min(pv.ratingKW, max(0, pv.irradiance.value(atSeconds: $0) * pv.profileScale) * pv.ratingKW) })
            case .demandResponse(let dr):
                let baseline = secondsOfDay.map { max(0, dr.shape.value(atSeconds: $0) * dr.profileScale) * dr.peakKW }
                add("\(point)/load", baseline)
                series["\(resource.id)/dr-available"] = zip(secondsOfDay, baseline).map { second, kw in
                    let open = dr.windows.isEmpty || dr.windows.contains { $0.contains(secondsOfDay: second) }
                    return open ? min(dr.maxCurtailmentKW, dr.curtailableShare * kw) : 0
                }
            case .battery:
                break
            }
        }
        return PlanningForecasts(seriesKW: series)
    }

    /// The forecast layer's documents for `horizon`: each interval takes the P50 of the hour it starts in, from
    /// the latest intraday forecast that covers that hour, else the day-ahead one. A DR programme's baseline is
    /// added to its interface point's load (not called, it consumes it). The bands become each point's hedges,
    /// `<point>/import-margin` (load above P50 up to P90, PV below it down to P10) and `<point>/export-margin` (the
    /// other way). Targets with an hour that no document covers are left out, and named in `uncovered`.
    public static func documents(_ documents: [ForecastDocument], horizon: PlanningHorizon) -> (forecasts: PlanningForecasts, uncovered: [String]) {
        var byTarget: [String: [Int64: ForecastHour]] = [:]
        // Day-ahead first, intraday over it (newer issues last).
        for document in documents.sorted(by: { ($0.horizon == "intraday" ? 1 : 0, $0.issueUnixSeconds) < ($1.horizon == "intraday" ? 1 : 0, $1.issueUnixSeconds) }) {
            for hour in document.hours where hour.p50KW != nil { byTarget[document.target, default: [:]][hour.startUnixSeconds] = hour }
        }
        var series: [String: [Double]] = [:]
        var uncovered: [String] = []
        var baselines: [String: [Double]] = [:]
        var margins: [String: [Double]] = [:]
        let kinds = Dictionary(documents.map { ($0.target, ($0.kind, $0.interfacePoint)) }, uniquingKeysWith: { first, _ in first })
        for (target, hours) in byTarget.sorted(by: { $0.key < $1.key }) {
            let picked = horizon.intervals.map { hours[$0.startUnixSeconds / 3600 * 3600] }
            guard picked.allSatisfy({ $0 != nil }) else { uncovered.append(target); continue }
            series[target] = picked.map { $0?.p50KW ?? 0 }
            if let (kind, point) = kinds[target], kind == "load" || kind == "pv" {
                // Load high or PV low needs import room; the other way, export room.
                let above = picked.map { hour in max(0, (hour?.p90KW ?? hour?.p50KW ?? 0) - (hour?.p50KW ?? 0)) }
                let below = picked.map { hour in max(0, (hour?.p50KW ?? 0) - (hour?.p10KW ?? hour?.p50KW ?? 0)) }
                let (importSide, exportSide) = kind == "load" ? (above, below) : (below, above)
                margins["\(point)/import-margin"] = zip(margins["\(point)/import-margin"] ?? importSide.map { _ in 0 }, importSide).map(+)
                margins["\(point)/export-margin"] = zip(margins["\(point)/export-margin"] ?? exportSide.map { _ in 0 }, exportSide).map(+)
            }
            if let (kind, point) = kinds[target], kind == "dr-available" {
                let baseline = picked.map { $0?.baselineKW ?? 0 }
                baselines[point] = zip(baselines[point] ?? baseline.map { _ in 0 }, baseline).map(+)
            }
        }
        series.merge(margins) { $1 }
        for (point, baseline) in baselines {
            series["\(point)/load"] = zip(series["\(point)/load"] ?? baseline.map { _ in 0 }, baseline).map(+)
        }
        return (PlanningForecasts(seriesKW: series), uncovered)
    }
}
