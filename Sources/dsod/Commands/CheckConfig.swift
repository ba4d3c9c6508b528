import ArgumentParser
import DSOAPI
import DSOCycleLoop
import DSODriverHost
import DSOService
import Foundation

/// `dsod check-config FILE`: validates a service configuration the way `dsod run` does at start-up.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a service configuration; print every issue (key and what was expected) at once.",
        discussion: """
            Exit status 0 when the file is valid, 1 otherwise. Format: docs/configuration.md. \
            Driver plugins are loaded and their instances opened as `dsod run` opens them (then closed), \
            so a file that passes here does not fail at start-up for a plugin.
            """
    )

    @Argument(help: "Service configuration file (TOML).")
    var file: String

    func run() throws {
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.load(path: file)
        } catch {
            print(error.description)
            print("\(error.issues.count) issue\(error.issues.count == 1 ? "" : "s") in \(error.path)")
            throw ExitCode(1)
        }
        if let api = configuration.api {
            do {
                try APIConfiguration(api).validate()
            } catch {
                print("\(configuration.path): \(error)")
                print("1 issue in \(configuration.path)")
                throw ExitCode(1)
            }
        }
        for line in Self.summary(of: configuration) { print(line) }
        do {
            if let opened = try Self.openDevices(configuration) { print(opened) }
        } catch {
            print("\(configuration.path): \(error)")
            print("1 issue in \(configuration.path)")
            throw ExitCode(1)
        }
        print("\(configuration.path): OK")
    }

    /// Loads every plugin and opens every instance the way `dsod run` does (version and symbol checks,
    /// open, point list, point maps against the grid), then closes them; nil when no plugin is configured.
    static func openDevices(_ configuration: ServiceConfiguration) throws -> String? {
        let drivers: [DriverConfiguration]
        switch configuration.devices {
        case .drivers:
            drivers = configuration.driverConfigurations
        case .simulation(let simulation):
            guard case .plugin(let library) = simulation.devicePath else { return nil }
            drivers = [SimulatedDevicePath.driverConfiguration(scenario: simulation.scenario, libraryPath: library,
                                                               periodSeconds: configuration.kernel.periodSeconds)]
        }
        let host = try DriverHost(configurations: drivers, model: configuration.model, mode: .synchronous)
        host.stop()
        let points = drivers.map(\.points.count).reduce(0, +)
        return "plugins: \(drivers.count) instance\(drivers.count == 1 ? "" : "s") opened and closed, \(points) points mapped"
    }
}

extension CheckConfig {
    /// What a valid configuration describes, for `check-config`.
    static func summary(of configuration: ServiceConfiguration) -> [String] {
        let model = configuration.model
        var lines = ["service '\(configuration.service.name)', kernel period \(configuration.kernel.periodSeconds) s, state in \(configuration.service.stateDirectory)",
                     "grid '\(configuration.gridName)': \(model.interfacePoints.count) interface points (\(model.interfacePoints.map(\.id).joined(separator: ", "))), \(model.resources.count) resources, \(configuration.schedules.count) schedule intervals"]
        switch configuration.devices {
        case .simulation(let simulation):
            lines.append("devices: simulated from \(simulation.scenario.sourcePath), regulation award \(simulation.awardMW) MW")
        case .drivers(_, let drivers):
            lines.append("devices: \(drivers.count) driver\(drivers.count == 1 ? "" : "s"): \(drivers.map { "\($0.name) (\($0.libraryPath), \($0.points.count) points)" }.joined(separator: ", "))")
        }
        if let iso = configuration.isoLink { lines.append("ISO link: listen \(iso.listen), writers \(iso.writers.joined(separator: ", "))") }
        if let historian = configuration.historian { lines.append("historian: \(historian.databasePath), \(historian.retentionDays) days, audit \(historian.auditRetentionDays) days") }
        if let forecast = configuration.forecast {
            lines.append("forecast: \(forecast.settings.forecaster), \(forecast.targets.count) targets (\(forecast.targets.map(\.id).joined(separator: ", ")))")
        }
        if let api = configuration.api {
            lines.append("API: listen \(api.listen) (\(api.tlsCertificatePath == nil ? "plain HTTP" : "TLS")), at most "
                         + "\(api.maximumConnections) connections, \(api.maximumConnectionsPerAddress) per address")
        }
        return lines
    }
}
