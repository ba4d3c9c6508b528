import DSOScenario
import DSODriverHost
import Foundation

/// What to open on the bench: the plugin's absolute path, the configuration string handed to `open`, the
/// name the device goes by in prompts and errors, and the `[[drivers]]` timing when the file gave one.
struct DriverTarget {
    var pluginPath: String
    var configuration: String
    var deviceName: String
    var configFile: String?
    /// `poll_period_s` and `timeout_s` of the `[[drivers]]` entry (nil for a plain configuration file).
    var pollPeriodSeconds: Double?
    var timeoutSeconds: Double?

    /// Reads `configFile` (a plain configuration string, or a service TOML with `[[drivers]]`) and picks the
    /// plugin: `--plugin` wins, else the entry's `library`.
    static func resolve(pluginArgument: String?, configFile: String?, driverName: String?) throws -> DriverTarget {
        var file: DriverConfigFile?
        if let configFile { file = try DriverConfigFile.read(configFile, driverName: driverName) }
        let pluginPath: String
        if let pluginArgument {
            pluginPath = absolute(pluginArgument)
        } else if let library = file?.libraryPath {
            pluginPath = library
        } else {
            throw CtlFailure(.invalidInput, "no driver plugin given",
                             hint: "pass --plugin PATH/lib….so, or --config a service TOML whose [[drivers]] entry has a library key")
        }
        let configuration = file?.configuration ?? ""
        let name = file?.instanceName ?? Self.nameKey(in: configuration)
            ?? configFile.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            ?? URL(fileURLWithPath: pluginPath).deletingPathExtension().lastPathComponent
        return DriverTarget(pluginPath: pluginPath, configuration: configuration, deviceName: name,
                            configFile: file?.path, pollPeriodSeconds: file?.pollPeriodSeconds, timeoutSeconds: file?.timeoutSeconds)
    }

    /// A path made absolute against the working folder (the loader takes absolute paths only).
    static func absolute(_ path: String) -> String {
        WrittenPath.absolute(path, relativeTo: FileManager.default.currentDirectoryPath)
    }

    /// The `name=` entry most drivers' configuration strings carry (Modbus: `name=pv-roof; host=…`).
    static func nameKey(in configuration: String) -> String? {
        for entry in configuration.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "name", !parts[1].isEmpty { return parts[1] }
        }
        return nil
    }
}
