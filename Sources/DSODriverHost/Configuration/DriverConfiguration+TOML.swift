import DSOScenario
import Foundation
public import TOMLKit

/// Reading the `[[drivers]]` section of a TOML file (the service configuration). Every issue in every entry
/// is collected, so one pass over the file shows all of them.
extension DriverConfiguration {
    /// Reads every `[[drivers]]` entry of TOML `text`; other top-level keys are left to their owners.
    /// `path` names the file in errors and anchors relative library paths.
    public static func parseDrivers(toml text: String, path: String) throws(DriverSectionError) -> [DriverConfiguration] {
        let table: TOMLTable
        do {
            table = try TOMLText.parse(text)
        } catch {
            throw DriverSectionError(path: path, issues: [DriverConfigurationError(file: path, key: "(syntax)", message: error.message)])
        }
        return try readDrivers(from: table, path: path)
    }

    /// Loads a TOML file and reads its `[[drivers]]` section.
    public static func loadDrivers(path: String) throws(DriverSectionError) -> [DriverConfiguration] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let text = try? String(contentsOfFile: absolute, encoding: .utf8) else {
            throw DriverSectionError(path: absolute, issues: [
                DriverConfigurationError(file: absolute, key: "(file)", message: "cannot read the file"),
            ])
        }
        return try parseDrivers(toml: text, path: absolute)
    }

    /// Reads the `drivers` array of an already parsed root table; throws every issue when there is one.
    public static func readDrivers(from root: TOMLTable, path: String) throws(DriverSectionError) -> [DriverConfiguration] {
        let section = readSection(from: root, path: path)
        guard section.issues.isEmpty else { throw DriverSectionError(path: path, issues: section.issues) }
        return section.drivers
    }

    /// Reads the `drivers` array as far as it goes, for loaders that own the other sections and report all
    /// issues of the file together.
    package static func readSection(from root: TOMLTable, path: String) -> DriverSection {
        let diagnostics = TableDiagnostics()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard root.contains(key: "drivers") else { return DriverSection(drivers: [], issues: []) }
        // The root is read only for `drivers`: the other sections belong to other readers.
        let section = TableReader(table: root, keyPath: "", diagnostics: diagnostics)
        var drivers: [DriverConfiguration] = []
        // Names taken so far, each with its key: `--driver NAME` and every log line pick an instance by name.
        var names: [String: String] = [:]
        for table in section.tables("drivers") {
            if let driver = readDriver(table, folder: folder, names: &names) { drivers.append(driver) }
        }
        let issues = diagnostics.issues.map { DriverConfigurationError(file: path, key: $0.keyPath, message: $0.message) }
        return DriverSection(drivers: drivers, issues: issues)
    }

    /// The entry when its library could be read (see `DriverSection.drivers`); every issue goes to the log.
    private static func readDriver(_ table: TableReader, folder: String, names: inout [String: String]) -> DriverConfiguration? {
        let name = table.requiredString("name", expected: "a unique instance name, e.g. \"bess-1\"")
        if let name, let first = names[name] {
            table.report("name", found: "\"\(name)\" again", expected: "a unique instance name (\(first) already has it)")
        } else if let name {
            names[name] = table.path("name")
        }
        let library = table.requiredString("library", expected: "the path of the driver's shared library, e.g. \"libDSOModbusDriver.so\"")
        let configuration = table.optionalString("config", expected: "the driver's configuration string") ?? ""
        let sign = readSign(table)
        let seconds = "a number of seconds in (0, 3600]"
        let withinAnHour = { (value: Double) in value > 0 && value <= 3600 }
        let poll = table.optionalDouble("poll_period_s", expected: seconds, admits: withinAnHour) ?? 0.1
        let timeout = table.optionalDouble("timeout_s", expected: seconds, admits: withinAnHour) ?? min(0.05, poll)
        let points = (table.requiredTables("points", expected: "at least one [[drivers.points]] table") ?? [])
            .compactMap(PointMapping.read)
        for issue in targetsMappedTwice(within: points) { table.diagnostics.report(issue.key, issue.message) }
        table.finish()
        guard let library else { return nil }
        let libraryPath = WrittenPath.absolute(library, relativeTo: folder)
        return DriverConfiguration(name: name ?? "", libraryPath: libraryPath, driverConfiguration: configuration,
                                   sign: sign ?? .generationPositive, pollPeriodSeconds: poll, timeoutSeconds: timeout,
                                   points: points, key: table.keyPath)
    }

    private static func readSign(_ table: TableReader) -> SignConvention? {
        let allowed = SignConvention.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        guard let written = table.requiredString("sign", expected: allowed) else { return nil }
        guard let sign = SignConvention(rawValue: written) else {
            table.report("sign", found: "\"\(written)\"", expected: allowed)
            return nil
        }
        return sign
    }
}
