import DSOModel
import DSOScenario

/// Builds an instance's point list: per resource `<id>.p_kw`, `.available_up_kw`, `.available_down_kw`,
/// `.soc` (batteries), `.setpoint_kw` (batteries, PV, DR), then `<interface point id>.net_import_kw` per meter.
enum PointCatalog {
    static func points(resources: [ResourceSpec], ratings: [DeviceRatings], model: SubstationModel,
                       meters: [InterfaceMeter], meteredPoints: [Int]) -> [SimulatedPoint] {
        var points: [SimulatedPoint] = []
        var memberSumKW = Array(repeating: 0.0...0.0, count: model.interfacePoints.count)
        for (index, resource) in resources.enumerated() {
            let rating = ratings[index]
            func add(_ quantity: PointQuantity, _ range: ClosedRange<Double>, unit: String = "kW") {
                points.append(SimulatedPoint(name: "\(resource.id).\(SimulatedPoint.suffix(quantity))", unit: unit,
                                             quantity: quantity, index: index,
                                             minimum: range.lowerBound, maximum: range.upperBound))
            }
            add(.powerKW, rating.powerKW)
            add(.availableUpKW, rating.availableUpKW)
            add(.availableDownKW, rating.availableDownKW)
            if let soc = rating.soc { add(.soc, soc, unit: "") }
            if let setpoint = rating.setpointKW { add(.setpointKW, setpoint) }
            let sum = memberSumKW[resource.interfacePoint]
            memberSumKW[resource.interfacePoint] = (sum.lowerBound + rating.powerKW.lowerBound)...(sum.upperBound + rating.powerKW.upperBound)
        }
        for point in meteredPoints {
            let range = MeterRange.netImportKW(meters[point], memberSumKW: memberSumKW[point])
            points.append(SimulatedPoint(name: "\(model.interfacePoints[point].id).net_import_kw", unit: "kW",
                                         quantity: .netImportKW, index: point,
                                         minimum: range.lowerBound, maximum: range.upperBound))
        }
        return points
    }
}
