import Foundation
public import TOMLKit

/// Reading the `[[drivers]]` section of a TOML file (the scenario or the service configuration).
extension DriverConfiguration {
    /// Reads every `[[drivers]]` entry of TOML `text`; other top-level keys are left to their owners.
    /// `path` names the file in errors and anchors relative library paths.
    public static func parseDrivers(toml text: String, path: String) throws(DriverConfigurationError) -> [DriverConfiguration] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DriverConfigurationError(file: path, key: "(syntax)",
                                           message: "line \(error.source.begin.line): \(error.description)")
        } catch {
            throw DriverConfigurationError(file: path, key: "(syntax)", message: "\(error)")
        }
        return try readDrivers(from: table, path: path)
    }

    /// Loads a TOML file and reads its `[[drivers]]` section.
    public static func loadDrivers(path: String) throws(DriverConfigurationError) -> [DriverConfiguration] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let text = try? String(contentsOfFile: absolute, encoding: .utf8) else {
            throw DriverConfigurationError(file: absolute, key: "(file)", message: "cannot read the file")
        }
        return try parseDrivers(toml: text, path: absolute)
    }

    /// Reads the `drivers` array of an already parsed root table (for loaders that own the other sections).
    public static func readDrivers(from root: TOMLTable, path: String) throws(DriverConfigurationError) -> [DriverConfiguration] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard let value = root["drivers"] else { return [] }
        guard let array = value.array else {
            throw DriverConfigurationError(file: path, key: "drivers", message: "expected an array of tables [[drivers]]")
        }
        var drivers: [DriverConfiguration] = []
        var names = Set<String>()
        for (index, element) in array.enumerated() {
            let key = "drivers[\(index)]"
            guard let table = element.table else {
                throw DriverConfigurationError(file: path, key: key, message: "expected a table")
            }
            let driver = try readDriver(TOMLFields(table: table, key: key, file: path), folder: folder)
            if !names.insert(driver.name).inserted {
                throw DriverConfigurationError(file: path, key: "\(key).name", message: "duplicate driver instance name '\(driver.name)'")
            }
            drivers.append(driver)
        }
        return drivers
    }

    private static func readDriver(_ fields: TOMLFields, folder: String) throws(DriverConfigurationError) -> DriverConfiguration {
        let name = try fields.requiredString("name")
        if name.isEmpty { throw fields.error("name", "expected a non-empty instance name") }
        let library = try fields.requiredString("library")
        if library.isEmpty { throw fields.error("library", "expected the path of the driver's shared library") }
        let libraryPath = library.hasPrefix("/") ? library
            : URL(fileURLWithPath: folder).appendingPathComponent(library).standardizedFileURL.path
        let configuration = try fields.optionalString("config") ?? ""
        let signText = try fields.requiredString("sign")
        guard let sign = SignConvention(rawValue: signText) else {
            throw fields.error("sign", "found \"\(signText)\", expected \"generation_positive\" or \"load_positive\"")
        }
        let poll = try fields.optionalDouble("poll_period_s") ?? 0.1
        if !(poll > 0 && poll <= 3600) { throw fields.error("poll_period_s", "found \(poll), expected seconds in (0, 3600]") }
        let timeout = try fields.optionalDouble("timeout_s") ?? min(0.05, poll)
        if !(timeout > 0 && timeout <= 3600) { throw fields.error("timeout_s", "found \(timeout), expected seconds in (0, 3600]") }
        var points: [PointMapping] = []
        for (index, pointFields) in try fields.tables("points").enumerated() {
            _ = index
            points.append(try readPoint(pointFields))
        }
        if points.isEmpty { throw fields.error("points", "expected at least one [[drivers.points]] entry") }
        try fields.rejectUnknownKeys()
        return DriverConfiguration(name: name, libraryPath: libraryPath, driverConfiguration: configuration, sign: sign,
                                   pollPeriodSeconds: poll, timeoutSeconds: timeout, points: points, key: fields.key)
    }

    private static func readPoint(_ fields: TOMLFields) throws(DriverConfigurationError) -> PointMapping {
        let point = try fields.requiredString("point")
        let quantity = try fields.requiredString("quantity")
        let scale = try fields.optionalDouble("scale")
        if let scale, !(scale.isFinite && scale != 0) { throw fields.error("scale", "found \(scale), expected a finite non-zero factor") }
        let target: PointTarget
        switch quantity {
        case "net_import_kw":
            target = .meterNetImportKW(interfacePoint: try fields.requiredString("interface_point"))
        case "setpoint_kw":
            target = .setpointKW(resource: try fields.requiredString("resource"))
        default:
            guard let resourceQuantity = ResourceQuantity(rawValue: quantity) else {
                let allowed = ResourceQuantity.allCases.map(\.rawValue) + ["net_import_kw", "setpoint_kw"]
                throw fields.error("quantity", "found \"\(quantity)\", expected one of \(allowed.joined(separator: ", "))")
            }
            target = .resource(id: try fields.requiredString("resource"), quantity: resourceQuantity)
        }
        try fields.rejectUnknownKeys()
        return PointMapping(point: point, target: target, scale: scale, key: fields.key)
    }
}

/// Typed access to one TOML table that remembers which keys were read, so typos are reported.
private final class TOMLFields {
    let table: TOMLTable
    let key: String
    let file: String
    private var known: Set<String> = []

    init(table: TOMLTable, key: String, file: String) {
        self.table = table
        self.key = key
        self.file = file
    }

    func error(_ field: String, _ message: String) -> DriverConfigurationError {
        DriverConfigurationError(file: file, key: "\(key).\(field)", message: message)
    }

    func optionalString(_ field: String) throws(DriverConfigurationError) -> String? {
        known.insert(field)
        guard let value = table[field] else { return nil }
        guard let text = value.string else { throw error(field, "found \(value.debugDescription), expected a string") }
        return text
    }

    func requiredString(_ field: String) throws(DriverConfigurationError) -> String {
        guard let text = try optionalString(field) else { throw error(field, "missing required key, expected a string") }
        return text
    }

    func optionalDouble(_ field: String) throws(DriverConfigurationError) -> Double? {
        known.insert(field)
        guard let value = table[field] else { return nil }
        if let number = value.double { return number }
        if let number = value.int { return Double(number) }
        throw error(field, "found \(value.debugDescription), expected a number")
    }

    func tables(_ field: String) throws(DriverConfigurationError) -> [TOMLFields] {
        known.insert(field)
        guard let value = table[field] else { return [] }
        guard let array = value.array else { throw error(field, "expected an array of tables [[\(field)]]") }
        var result: [TOMLFields] = []
        for (index, element) in array.enumerated() {
            guard let child = element.table else {
                throw DriverConfigurationError(file: file, key: "\(key).\(field)[\(index)]", message: "expected a table")
            }
            result.append(TOMLFields(table: child, key: "\(key).\(field)[\(index)]", file: file))
        }
        return result
    }

    func rejectUnknownKeys() throws(DriverConfigurationError) {
        for field in table.keys.sorted() where !known.contains(field) {
            throw error(field, "unknown key")
        }
    }
}
