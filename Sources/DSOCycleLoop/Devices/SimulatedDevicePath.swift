public import DSOScenario
public import DSODriverHost
import DSOModel
import Foundation

/// How the simulated devices are reached: through the driver plugin, as hardware is
/// reached, or directly in-process (for benchmarks and comparisons).
public enum SimulatedDevicePath: Sendable, Hashable {
    /// The `simulated` driver plugin (`libDSOSimulatedDevices.so`), loaded by the driver host in its
    /// synchronous mode so virtual time stays deterministic.
    case plugin(libraryPath: String)
    /// The device models called directly, without the plugin ABI.
    case inProcess

    /// The plugin's file name, as SwiftPM builds it next to `dsod`.
    public static let pluginFileName = "libDSOSimulatedDevices.so"

    /// Where SwiftPM puts the plugin: beside the running executable (`dsod`).
    public static func besideExecutable() -> String {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let folder = CommandLine.arguments[0].contains("/") ? executable.deletingLastPathComponent()
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return folder.appendingPathComponent(pluginFileName).standardizedFileURL.path
    }

    /// The driver configuration that maps every point of the simulated plugin onto the scenario's model.
    ///
    /// The plugin reports resource powers generation-positive and meters as import-positive net import;
    /// the instance is declared generation-positive, so the meter points take `scale = -1` (see
    /// docs/drivers.md, "The simulated-device plugin").
    public static func driverConfiguration(scenario: Scenario, libraryPath: String,
                                           periodSeconds: Double) -> DriverConfiguration {
        var points: [PointMapping] = []
        for resource in scenario.model.resources {
            let id = resource.id
            points.append(PointMapping(point: "\(id).p_kw", target: .resource(id: id, quantity: .measuredKW)))
            points.append(PointMapping(point: "\(id).available_up_kw", target: .resource(id: id, quantity: .availableUpKW)))
            points.append(PointMapping(point: "\(id).available_down_kw", target: .resource(id: id, quantity: .availableDownKW)))
            if resource.kind == .battery {
                points.append(PointMapping(point: "\(id).soc", target: .resource(id: id, quantity: .soc)))
            }
            if resource.kind != .load {
                points.append(PointMapping(point: "\(id).setpoint_kw", target: .setpointKW(resource: id)))
            }
        }
        for point in scenario.model.interfacePoints where point.hasMeter {
            points.append(PointMapping(point: "\(point.id).net_import_kw",
                                       target: .meterNetImportKW(interfacePoint: point.id), scale: -1))
        }
        let scenarioPath = URL(fileURLWithPath: scenario.sourcePath).standardizedFileURL.path
        return DriverConfiguration(name: "simulated", libraryPath: libraryPath,
                                   driverConfiguration: "scenario=\(scenarioPath)", sign: .generationPositive,
                                   pollPeriodSeconds: periodSeconds, timeoutSeconds: periodSeconds, points: points)
    }
}
