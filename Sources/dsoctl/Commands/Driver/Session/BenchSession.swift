import DSODriverHost

/// One driver instance opened for a command: loads the plugin, opens it with the target's configuration, and
/// passes the driver's log lines to stderr (all with `--verbose`, warnings and errors otherwise).
final class BenchSession {
    let target: DriverTarget
    let plugin: ProbePlugin
    let instance: ProbeInstance
    let verbose: Bool

    init(_ target: DriverTarget, verbose: Bool) throws {
        self.target = target
        self.verbose = verbose
        plugin = try Self.load(target.pluginPath)
        do {
            instance = try plugin.open(configuration: target.configuration, instanceName: target.deviceName)
        } catch {
            throw DeviceHints.openFailure(error, configFile: target.configFile)
        }
        flushLog()
    }

    /// Loads a plugin; a refusal is exit 3 with the loader's message.
    static func load(_ path: String) throws -> ProbePlugin {
        do {
            return try ProbePlugin.load(path: path)
        } catch {
            throw CtlFailure(.invalidInput, error.description,
                             hint: "the path; that the plugin was built against ABI version \(ProbePlugin.hostABIVersion) "
                             + "(Sources/DSODriverABI/include/dso_driver.h); `ldd \(path)` for missing libraries")
        }
    }

    /// `'inverter' (modbus 1.0.0)`.
    var label: String { "'\(target.deviceName)' (\(plugin.driverName) \(plugin.driverVersion))" }

    /// Prints the log lines the driver sent since the last call.
    func flushLog() {
        for line in instance.takeLogLines() where verbose || line.level >= .warning {
            StandardError.write("[\(line.level)] \(line.message)\n")
        }
    }

    /// The point named `name`, or exit 3 listing what there is.
    func pointIndex(_ name: String) throws -> Int {
        if let index = instance.index(ofPoint: name) { return index }
        let similar = instance.points.map(\.name).filter { $0.lowercased().contains(name.lowercased()) || name.lowercased().contains($0.lowercased()) }
        let listed = Self.list(similar.isEmpty ? instance.points.map(\.name) : similar)
        throw CtlFailure(.invalidInput, "\(label) has no point '\(name)'",
                         hint: "the point name (`dsoctl plugin info` lists them); \(similar.isEmpty ? "points" : "similar"): \(listed)")
    }

    /// Reads once; a failed read is a failure (2 no answer, 1 an error answer).
    func readOrFail() throws -> ProbeReading {
        let reading = instance.read()
        flushLog()
        guard reading.isOK else {
            throw DeviceHints.callFailure("read of \(label)", code: reading.code, message: reading.message, driver: plugin.driverName)
        }
        return reading
    }

    /// At most a dozen names, then how many more (a SunSpec inverter has a hundred points).
    static func list(_ names: [String]) -> String {
        names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + " … (\(names.count - 12) more)"
    }

    func close() {
        instance.close()
        flushLog()
    }
}
