import DSODriverHost
import DSOModel
import DSOCycleLoop
import DSOScenario
import Foundation

/// `[service]`, `[kernel]`, `[simulation]`, the real-device grid and `[[drivers]]`.
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
        if let written = section.optionalString("schedule_anchor_utc") {
            settings.scheduleAnchorUnixSeconds = UTCTimestamp.unixSeconds(written)
            if settings.scheduleAnchorUnixSeconds == nil {
                section.report("schedule_anchor_utc", found: "\"\(written)\"",
                               expected: "an RFC 3339 time with its offset, e.g. \"2026-12-08T08:00:00Z\"")
            }
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

    /// The grid of a real-device service, written in this file (interface points, resources, schedules,
    /// `[regulation]`); nil when absent or given together with `[simulation]`. Its `grid` is nil when
    /// something is wrong (the issues say why).
    func readPlantGrid(simulationGiven: Bool) -> PlantGridReader? {
        let present = PlantGridReader.gridKeys.filter(root.has)
        guard !present.isEmpty else { return nil }
        if simulationGiven {
            for key in present { _ = root.raw(key) }
            diagnostics.report(present[0], "found a grid in this file together with [simulation], expected the grid in one place: the scenario or this file")
            return nil
        }
        let reader = PlantGridReader(root: root, folder: folder)
        reader.read()
        return reader
    }

    /// `[[drivers]]` through DSODriverHost's reader (every issue of every entry), then what can be checked
    /// without opening a device, for each entry read far enough: no kernel quantity fed by two instances,
    /// each library exists, each mapped id is in the grid.
    func readDrivers(plant: PlantGridReader?) -> [DriverConfiguration] {
        _ = root.raw("drivers")
        let section = DriverConfiguration.readSection(from: table, path: path)
        let drivers = section.drivers
        for issue in section.issues + DriverConfiguration.targetsMappedTwice(across: drivers) {
            diagnostics.report(issue.key, issue.message)
        }
        for driver in drivers where !FileManager.default.isReadableFile(atPath: driver.libraryPath) {
            diagnostics.report("\(driver.key).library", found: "\"\(driver.libraryPath)\" (no such file)",
                               expected: "the driver plugin's shared library, e.g. libDSOModbusDriver.so")
        }
        if let plant {
            for driver in drivers {
                checkTargets(of: driver, resources: plant.gridReader.resources, interfacePoints: plant.gridReader.interfacePoints)
            }
        }
        return drivers
    }

    /// Each mapped resource and interface point exists in the grid, meters only where the grid has one, set
    /// points only on dispatchable resources (the driver's own points are checked when the plugin opens).
    private func checkTargets(of driver: DriverConfiguration, resources specs: [ResourceSpec],
                              interfacePoints: [InterfacePointSpec]) {
        let resources = Dictionary(specs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let known = specs.map { "'\($0.id)'" }.joined(separator: ", ")
        for (position, mapping) in driver.points.enumerated() {
            let key = mapping.key.isEmpty ? "\(driver.key).points[\(position)]" : mapping.key
            switch mapping.target {
            case .resource(let id, _), .setpointKW(let id):
                guard let resource = resources[id] else {
                    diagnostics.report("\(key).resource", "no resource '\(id)' in the grid; its resources are \(known)")
                    continue
                }
                if case .setpointKW = mapping.target, !resource.kind.isDispatchable {
                    diagnostics.report("\(key).resource", "resource '\(id)' is a \(resource.kind.rawValue) and gets no set points")
                }
            case .meterNetImportKW(let id):
                guard let point = interfacePoints.first(where: { $0.id == id }) else {
                    diagnostics.report("\(key).interface_point", "no interface point '\(id)' in the grid")
                    continue
                }
                if !point.hasMeter {
                    diagnostics.report("\(key).interface_point", "interface point '\(id)' has no meter (has_meter = false), so the kernel ignores net_import_kw")
                }
            }
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
