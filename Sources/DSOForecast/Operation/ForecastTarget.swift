public import DSOModel

/// One thing the service forecasts: an interface point's load or PV, or a demand-response programme's
/// available curtailment — each with the resources whose meters make up its history.
public struct ForecastTarget: Sendable {
    /// What the series is; a DR programme is forecast as its baseline load, then turned into availability.
    public enum Kind: String, Sendable, CaseIterable {
        case load
        case pv
        case drAvailable = "dr-available"

        /// The kind of series the forecasters learn.
        public var seriesKind: ForecastContext.Kind { self == .pv ? .pv : .load }
    }

    /// `<interface point>/load`, `<interface point>/pv` or `<DR resource>/dr-available`.
    public var id: String
    public var kind: Kind
    public var interfacePoint: String
    /// Indices (the model's order) of the resources whose measured power, summed, is the series.
    public var resources: [Int]
    /// The most the series can be, kW (PV: the inverters' ratings; load: the loads' peaks): PV forecasts are
    /// clipped to it.
    public var capacityKW: Double
    /// DR: the programme that turns the baseline forecast into availability.
    public var programme: DRAvailabilityForecast?
    /// DR: each resource's set point at rest (its minimum: the whole baseline consumed); an hour with a set
    /// point above it was a called hour and is left out of the baseline's history.
    public var restSetpointKW: [Double]

    public init(id: String, kind: Kind, interfacePoint: String, resources: [Int], capacityKW: Double,
                programme: DRAvailabilityForecast? = nil, restSetpointKW: [Double] = []) {
        self.id = id
        self.kind = kind
        self.interfacePoint = interfacePoint
        self.resources = resources
        self.capacityKW = capacityKW
        self.programme = programme
        self.restSetpointKW = restSetpointKW
    }

    /// The model's targets, in its order: per interface point its load (if it has loads) and PV (if it has PV),
    /// then one per demand-response resource, whose programme comes from `programmes` by resource id (a
    /// resource without one: its whole consumption is curtailable at any hour, up to its rating).
    public static func targets(of model: SubstationModel,
                               programmes: [String: DRAvailabilityForecast]) throws(ForecastError) -> [ForecastTarget] {
        var targets: [ForecastTarget] = []
        for (pointIndex, point) in model.interfacePoints.enumerated() {
            let members = model.resources.indices.filter { model.resources[$0].interfacePoint == pointIndex }
            let loads = members.filter { model.resources[$0].kind == .load }
            let pv = members.filter { model.resources[$0].kind == .pv }
            if !loads.isEmpty {
                targets.append(ForecastTarget(id: "\(point.id)/load", kind: .load, interfacePoint: point.id, resources: loads,
                                              capacityKW: loads.reduce(0) { $0 - model.resources[$1].minimumKW }))
            }
            if !pv.isEmpty {
                targets.append(ForecastTarget(id: "\(point.id)/pv", kind: .pv, interfacePoint: point.id, resources: pv,
                                              capacityKW: pv.reduce(0) { $0 + model.resources[$1].maximumKW }))
            }
        }
        for (index, resource) in model.resources.enumerated() where resource.kind == .demandResponse {
            let peakKW = -resource.minimumKW
            var programme = programmes[resource.id]
            if programme == nil {
                programme = try DRAvailabilityForecast(programme: resource.id, curtailableShare: 1, maximumCurtailmentKW: peakKW,
                                                       windows: [])
            }
            targets.append(ForecastTarget(id: "\(resource.id)/dr-available", kind: .drAvailable,
                                          interfacePoint: model.interfacePoints[resource.interfacePoint].id,
                                          resources: [index], capacityKW: peakKW, programme: programme,
                                          restSetpointKW: [resource.minimumKW]))
        }
        return targets
    }
}
