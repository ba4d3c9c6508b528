import DSODriverKit
import DSODriverABI
import DSOModel
import DSOScenario

extension SimulatedDevicesInstance {
    /// Loads the configured scenario, builds the selected devices and their points, and logs what it built.
    static func open(host: HostConnection, configuration configurationText: String) throws(DriverOpenError) -> SimulatedDevicesInstance {
        let configuration = try SimulatedDevicesConfiguration(parsing: configurationText)
        let scenario: Scenario
        do {
            scenario = try Scenario.load(path: configuration.scenarioPath)
        } catch {
            let issues = error.issues.map(\.description).joined(separator: "; ")
            throw DriverOpenError("config key 'scenario' = '\(configuration.scenarioPath)': \(error.path): \(issues)")
        }
        let selection = try DeviceSelection(configuration, scenario: scenario)
        let fleet = try selection.makeFleet(scenario)
        let model = scenario.model
        let chosen = selection.resources.map { model.resources[$0] }
        let ratings = selection.resources.map { DeviceRatings(scenario.devices[$0]) }
        let points = PointCatalog.points(resources: chosen, ratings: ratings, model: model, meters: scenario.meters,
                                         meteredPoints: selection.meteredInterfacePoints)
        let instance = SimulatedDevicesInstance(
            host: host, configuration: configuration, fleet: fleet, resourceIDs: chosen.map(\.id), points: points,
            safeSetpointsKW: ratings.map(\.safeSetpointKW))
        host.log(Int32(DSO_LOG_INFO), openingSummary(chosen, meters: selection.meteredInterfacePoints.count,
                                                     points: points.count, path: scenario.sourcePath))
        return instance
    }

    private static func openingSummary(_ resources: [ResourceSpec], meters: Int, points: Int, path: String) -> String {
        func count(_ kind: ResourceKind) -> Int { resources.lazy.filter { $0.kind == kind }.count }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return "\(resources.count) devices (\(count(.battery)) batteries, \(count(.pv)) PV, \(count(.load)) loads, "
            + "\(count(.demandResponse)) DR) and \(meters) meters from \(file): \(points) points"
    }
}
