import DSODriverHost
import DSOSimulation
import Foundation
import TOMLKit

/// `[service]`, `[kernel]`, `[simulation]`, the inline grid and `[[drivers]]`.
extension ServiceConfigurationLoader {
    func readService() -> ServiceConfiguration.ServiceSettings {
        var settings = ServiceConfiguration.ServiceSettings()
        settings.stateDirectory = environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init) ?? folder
        guard let section = root.subtable("service") else { return settings }
        settings.name = section.optionalString("name") ?? settings.name
        if settings.name.isEmpty { section.report("name", found: "an empty string", expected: "a name for logs") }
        settings.stopTimeoutSeconds = section.double("stop_timeout_s", default: 10, .within(0.5...300))
        settings.statusIntervalSeconds = section.double("status_interval_s", default: 10, .within(0.5...3600))
        settings.controlPriority = section.optionalInt("control_priority", 0...99) ?? 0
        settings.logAllEvents = section.bool("log_all_events", default: true)
        if let written = section.optionalString("state_directory") {
            settings.stateDirectory = resolve(written)
        }
        section.finish()
        return settings
    }

    /// Same keys and limits as a scenario's `[kernel]`; absent keys keep `defaults`.
    func readKernel(defaults: Scenario.KernelSettings) -> Scenario.KernelSettings {
        guard let section = root.subtable("kernel") else { return defaults }
        return .read(section, defaults: defaults)
    }

    func readSimulation() -> ServiceConfiguration.SimulationSettings? {
        guard let section = root.subtable("simulation") else { return nil }
        let written = section.requiredString("scenario")
        let award = section.optionalDouble("award_mw", .nonNegative)
        let loop = section.double("signal_loop_s", default: 86_400, .within(60...604_800))
        let devicePath = readSimulatedDevicePath(section)
        section.finish()
        guard !written.isEmpty else { return nil }
        let scenarioPath = resolve(written)
        do {
            let scenario = try Scenario.load(path: scenarioPath)
            return ServiceConfiguration.SimulationSettings(
                scenario: scenario, awardMW: award ?? scenario.regulation.awardMW, signalLoopSeconds: loop,
                devicePath: devicePath)
        } catch {
            if error.issues.first?.keyPath == "(file)" {
                section.report("scenario", found: "\"\(written)\" (no readable file at \(scenarioPath))",
                               expected: "the path of a scenario TOML file (docs/scenario.md)")
            } else {
                adopt(error, under: "simulation.scenario")
            }
            return nil
        }
    }

    /// Interface points and resources written in the scenario format directly in the service file; read by
    /// the scenario loader itself (from a copy of just those tables) so both files obey the same rules.
    func readInlineGrid(simulationGiven: Bool) -> Scenario? {
        let present = Self.gridKeys.filter(root.has)
        for key in present { _ = root.raw(key) }
        guard !present.isEmpty else { return nil }
        if simulationGiven {
            diagnostics.report(present[0], "found an inline grid together with [simulation], expected the grid in one place: the scenario or this file")
            return nil
        }
        let grid = TOMLTable()
        for key in present { grid[key] = table[key] }
        do {
            return try Scenario.parse(toml: grid.convert(to: .toml), path: path)
        } catch {
            adopt(error, under: "the inline grid")
            return nil
        }
    }

    /// `[[drivers]]` through DSODriverHost's reader (it stops at its first issue; that one is reported).
    func readDrivers() -> [DriverConfiguration] {
        _ = root.raw("drivers")
        do {
            return try DriverConfiguration.readDrivers(from: table, path: path)
        } catch {
            diagnostics.report(error.key, error.message)
            return []
        }
    }

    /// `devices` ("plugin", the default, or "in-process") and `plugin` (the library; default: beside dsod).
    func readSimulatedDevicePath(_ section: TableReader) -> SimulatedDevicePath {
        let choice = section.optionalString("devices") ?? "plugin"
        let written = section.optionalString("plugin")
        switch choice {
        case "in-process":
            return .inProcess
        case "plugin":
            let path = written.map { resolve($0) } ?? SimulatedDevicePath.besideExecutable()
            if !FileManager.default.fileExists(atPath: path) {
                section.report("plugin", found: "\"\(path)\" (no such file)",
                               expected: "the simulated-device plugin library (swift build --product DSOSimulatedDevices), or devices = \"in-process\"")
            }
            return .plugin(libraryPath: path)
        default:
            section.report("devices", found: "\"\(choice)\"", expected: "\"plugin\" or \"in-process\"")
            return .inProcess
        }
    }
}
