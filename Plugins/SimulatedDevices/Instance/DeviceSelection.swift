import DSODriverKit
import DSOModel
import DSOScenario

/// Which of a scenario's resources and meters one instance simulates (`resources=` / `interface_points=`).
///
/// A meter is simulated only when every resource behind its interface point is in the instance: its reading is
/// the sum of those members, so a partial member set would report a flow that does not exist.
struct DeviceSelection {
    /// Scenario resource indices, in the scenario's (grouped by interface point) order.
    let resources: [Int]
    /// Scenario interface point indices whose meter the instance reports.
    let meteredInterfacePoints: [Int]
    /// Whether every resource of the scenario is selected.
    let isWholeScenario: Bool

    init(_ configuration: SimulatedDevicesConfiguration, scenario: Scenario) throws(DriverOpenError) {
        let model = scenario.model
        var selected = Array(repeating: !configuration.selectsSubset, count: model.resources.count)
        var listedPoints = Set<Int>()
        if let ids = configuration.resourceIDs {
            let indexByID = Dictionary(model.resources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            for id in ids {
                guard let index = indexByID[id] else {
                    throw DriverOpenError("config key 'resources': '\(id)' is not a resource of \(scenario.sourcePath)")
                }
                selected[index] = true
            }
        }
        if let ids = configuration.interfacePointIDs {
            for id in ids {
                guard let point = model.interfacePoints.firstIndex(where: { $0.id == id }) else {
                    throw DriverOpenError("config key 'interface_points': '\(id)' is not an interface point of \(scenario.sourcePath)")
                }
                listedPoints.insert(point)
                for resource in model.memberRanges[point] { selected[resource] = true }
            }
        }
        resources = selected.indices.filter { selected[$0] }
        isWholeScenario = resources.count == model.resources.count
        meteredInterfacePoints = model.interfacePoints.indices.filter { point in
            guard model.interfacePoints[point].hasMeter else { return false }
            let members = model.memberRanges[point]
            if !configuration.selectsSubset || listedPoints.contains(point) { return true }
            return !members.isEmpty && members.allSatisfy { selected[$0] }
        }
    }

    /// The devices, fresh at simulated time 0; the whole scenario builds exactly what `dsod simulate` builds.
    func makeFleet(_ scenario: Scenario) throws(DriverOpenError) -> SimulatedFleet {
        if isWholeScenario { return scenario.makeFleet() }
        let model: SubstationModel
        do {
            // Filtering keeps the grouping by interface point, so `resources` stays parallel to the new model.
            model = try SubstationModel(interfacePoints: scenario.model.interfacePoints,
                                        resources: resources.map { scenario.model.resources[$0] })
        } catch {
            throw DriverOpenError("cannot build the selected devices of \(scenario.sourcePath): \(error)")
        }
        return SimulatedFleet(model: model, devices: resources.map { scenario.devices[$0] }, meters: scenario.meters,
                              startTimeOfDaySeconds: scenario.run.startTimeOfDaySeconds)
    }
}
