import DSODriverHost
import DSOScenario
import Foundation
import TOMLKit

/// Reads a service configuration table section by section, collecting every issue rather than stopping at
/// the first. A referenced scenario goes through the scenario loader, a real-device grid through
/// `PlantGridReader` (the scenario's keys without the physics) and `[[drivers]]` through DSODriverHost's
/// reader, so each format has one reader and one wording of its errors.
final class ServiceConfigurationLoader {
    let diagnostics = TableDiagnostics()
    let root: TableReader
    let table: TOMLTable
    let path: String
    let folder: String
    let environment: [String: String]

    init(root table: TOMLTable, path: String, environment: [String: String]) {
        self.table = table
        self.root = TableReader(table: table, keyPath: "", diagnostics: diagnostics)
        self.path = path
        self.folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        self.environment = environment
    }

    /// Reads every section; nil when something is wrong (the issues say what).
    func load() -> ServiceConfiguration? {
        let service = readService()
        let simulation = readSimulation()
        let plant = readPlantGrid(simulationGiven: simulation != nil || root.has("simulation"))
        let drivers = readDrivers(plant: plant)
        let kernel = readKernel(defaults: simulation?.scenario.kernel ?? Scenario.KernelSettings())
        let isoLink = readISOLink()
        let historian = readHistorian()
        let api = readAPI()
        let writtenForecast = readForecast(historian: historian)
        let planning = readPlanning(simulated: simulation != nil, forecast: writtenForecast != nil)
        root.finish()
        if simulation != nil, !drivers.isEmpty {
            diagnostics.report("drivers", "found [[drivers]] together with [simulation], expected one device source: simulated devices or driver plugins")
        }
        let gridGiven = PlantGridReader.gridKeys.contains(where: root.has)
        if !root.has("simulation"), gridGiven, drivers.isEmpty, !root.has("drivers") {
            diagnostics.report("drivers", "missing, expected at least one [[drivers]] table for the grid's devices (or a [simulation] section)")
        }
        if !root.has("simulation"), !gridGiven {
            diagnostics.report("simulation", "missing, expected a [simulation] section naming a scenario, or [[interface_points]], resources and [[drivers]]")
        }
        let model = simulation?.scenario.model ?? plant?.grid?.model
        let forecast = writtenForecast.flatMap { written in
            model.flatMap { forecastConfiguration(written, model: $0, simulation: simulation) }
        }
        guard diagnostics.issues.isEmpty else { return nil }
        let devices: ServiceConfiguration.DeviceSource
        if let simulation {
            devices = .simulation(simulation)
        } else if let grid = plant?.grid {
            devices = .drivers(grid: grid, drivers: drivers)
        } else {
            return nil
        }
        return ServiceConfiguration(path: path, service: service, kernel: kernel, devices: devices,
                                    isoLink: isoLink, historian: historian, api: api, forecast: forecast,
                                    planning: planning)
    }

    /// Absolute form of a path written in the file, by the same rule as a scenario's paths.
    func resolve(_ written: String) -> String {
        WrittenPath.absolute(written, relativeTo: folder)
    }

    /// Issues of another file, kept with that file's name so the engineer knows where to look.
    func adopt(_ error: ScenarioError, under key: String) {
        let prefix = error.path == path ? "" : "\(error.path): "
        for issue in error.issues {
            diagnostics.report(issue.keyPath, prefix + issue.message + (prefix.isEmpty ? "" : " (via \(key))"))
        }
    }
}
