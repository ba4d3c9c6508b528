import DSODriverHost
import Foundation

/// `--config FILE`, either a plain file holding the driver's configuration string (what `config = "…"` of a
/// `[[drivers]]` entry holds) or a dsod service TOML with `[[drivers]]` entries, one of which is picked.
struct DriverConfigFile {
    let path: String
    let configuration: String
    /// From a `[[drivers]]` entry only.
    var instanceName: String?
    var libraryPath: String?
    var pollPeriodSeconds: Double?
    var timeoutSeconds: Double?

    static func read(_ file: String, driverName: String?) throws -> DriverConfigFile {
        let path = DriverTarget.absolute(file)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CtlFailure(.invalidInput, "\(path): cannot read the configuration file", hint: "the path given to --config")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if lines.contains(where: { $0.hasPrefix("[[drivers]]") }) {
            return try fromServiceTOML(text, path: path, driverName: driverName)
        }
        if let header = lines.first(where: { $0.hasPrefix("[") }) {
            throw CtlFailure(.invalidInput, "\(path): a TOML file without [[drivers]] (found \(header))",
                             hint: "give a file with the driver's configuration string, or a service TOML with a [[drivers]] entry")
        }
        if driverName != nil {
            throw CtlFailure(.invalidInput, "\(path): --driver picks a [[drivers]] entry, but this file is a plain configuration string")
        }
        // Comment lines are the engineer's notes; the rest is the string, newlines kept (drivers take them as separators).
        let configuration = lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.joined(separator: "\n")
        return DriverConfigFile(path: path, configuration: configuration)
    }

    private static func fromServiceTOML(_ text: String, path: String, driverName: String?) throws -> DriverConfigFile {
        let drivers: [DriverConfiguration]
        do {
            drivers = try DriverConfiguration.parseDrivers(toml: text, path: path)
        } catch {
            throw CtlFailure(.invalidInput, error.description, hint: "each key named above (docs/drivers.md lists the [[drivers]] keys)")
        }
        let names = drivers.map(\.name).joined(separator: ", ")
        let chosen: DriverConfiguration
        if let driverName {
            guard let match = drivers.first(where: { $0.name == driverName }) else {
                throw CtlFailure(.invalidInput, "\(path): no [[drivers]] entry named '\(driverName)'", hint: "--driver, one of: \(names)")
            }
            chosen = match
        } else {
            guard drivers.count == 1, let only = drivers.first else {
                throw CtlFailure(.invalidInput, "\(path) has \(drivers.count) [[drivers]] entries; pick one with --driver NAME",
                                 hint: "--driver, one of: \(names)")
            }
            chosen = only
        }
        return DriverConfigFile(path: path, configuration: chosen.driverConfiguration, instanceName: chosen.name,
                                libraryPath: chosen.libraryPath, pollPeriodSeconds: chosen.pollPeriodSeconds,
                                timeoutSeconds: chosen.timeoutSeconds)
    }
}
