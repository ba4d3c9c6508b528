public import DSOModel
public import DSOScenario

extension PlanningFleet {
    /// The fleet of a grid model over `count` intervals: batteries with the scenario's efficiencies and SOC when
    /// simulated (`devices` parallel to the resources), 0.95 and mid-band otherwise, `initialSOC` overriding by
    /// id (telemetry); PV, DR and loads from `forecasts` (a missing series is zero, named in `missing`).
    public init(model: SubstationModel, devices: [DeviceSpec]?, forecasts: PlanningForecasts, count: Int,
                initialSOC: [String: Double] = [:]) throws(PlanningError) {
        var missing: [String] = []
        func series(_ key: String) -> [Double] {
            guard let values = forecasts.seriesKW[key] else { missing.append(key); return Array(repeating: 0, count: count) }
            return values
        }
        let points = model.interfacePoints.enumerated().map { index, point in
            let consumes = model.resources.contains { $0.interfacePoint == index && ($0.kind == .load || $0.kind == .demandResponse) }
            return InterfacePoint(id: point.id, importLimitKW: point.importLimitKW, exportLimitKW: point.exportLimitKW,
                                  inflexibleLoadKW: consumes ? series("\(point.id)/load") : Array(repeating: 0, count: count))
        }
        self.init(interfacePoints: points)
        for index in interfacePoints.indices {
            interfacePoints[index].importMarginKW = forecasts.seriesKW["\(interfacePoints[index].id)/import-margin"] ?? []
            interfacePoints[index].exportMarginKW = forecasts.seriesKW["\(interfacePoints[index].id)/export-margin"] ?? []
        }
        for (index, resource) in model.resources.enumerated() {
            let device = devices.flatMap { index < $0.count ? $0[index] : nil }
            switch resource.kind {
            case .battery:
                var battery = Battery(id: resource.id, interfacePoint: resource.interfacePoint, chargeKW: -resource.minimumKW,
                                      dischargeKW: resource.maximumKW, capacityKWh: resource.energyCapacityKWh,
                                      initialSOC: (resource.socBand.lowerBound + resource.socBand.upperBound) / 2)
                battery.socBand = resource.socBand
                battery.providesRegulation = resource.providesRegulation
                battery.degradationPerMWh = max(0, resource.cost.linearPerKWh * 1000)
                if case .battery(let parameters) = device {
                    battery.chargeEfficiency = parameters.chargeEfficiency
                    battery.dischargeEfficiency = parameters.dischargeEfficiency
                    battery.initialSOC = parameters.initialSOC
                }
                if let soc = initialSOC[resource.id] { battery.initialSOC = soc }
                batteries.append(battery)
            case .pv:
                let point = model.interfacePoints[resource.interfacePoint].id
                let rating = model.resources.filter { $0.kind == .pv && $0.interfacePoint == resource.interfacePoint }
                    .reduce(0) { $0 + $1.maximumKW }
                let share = rating > 0 ? resource.maximumKW / rating : 0
                pv.append(PV(id: resource.id, interfacePoint: resource.interfacePoint, ratingKW: resource.maximumKW,
                             availableKW: series("\(point)/pv").map { $0 * share }))
            case .demandResponse:
                var programme = DemandResponse(id: resource.id, interfacePoint: resource.interfacePoint,
                                               availableKW: series("\(resource.id)/dr-available"))
                programme.costPerMWh = max(programme.costPerMWh, resource.cost.linearPerKWh * 1000)
                demandResponse.append(programme)
            case .load:
                break
            }
        }
        if !missing.isEmpty {
            throw PlanningError("forecasts: no series for \(missing.sorted().joined(separator: ", ")); expected one per interface point's load and PV and per DR programme")
        }
    }
}
