public import DSOScenario

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
}
