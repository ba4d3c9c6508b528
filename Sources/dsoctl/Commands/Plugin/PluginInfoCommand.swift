import ArgumentParser
import DSODriverHost

/// `dsoctl plugin info PATH [--config FILE]`: ABI version, driver name and version; with a configuration,
/// the points an instance exposes (what a `[[drivers.points]]` map can name).
struct PluginInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "ABI version, driver name and version; with --config, the instance's points.",
        discussion: "Exit 3 when the loader refuses the plugin (its message says why) or the driver refuses the configuration.")

    @Argument(help: ArgumentHelp("The driver plugin (.so); optional with a service TOML whose [[drivers]] names its library.",
                                 valueName: "path"))
    var path: String?
    @Option(name: .long, help: ArgumentHelp("Open an instance with this configuration and list its points.", valueName: "file"))
    var config: String?
    @Option(name: .long, help: ArgumentHelp("Which [[drivers]] entry when the TOML has several.", valueName: "name"))
    var driver: String?
    @Flag(name: .long, help: "Show the driver's own log lines on stderr.")
    var verbose = false
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            guard path != nil || config != nil else { throw ValidationError("Give the plugin's PATH (or --config with a service TOML).") }
            let target = try DriverTarget.resolve(pluginArgument: path, configFile: config, driverName: driver)
            let report: PluginReport
            if config != nil {
                let session = try BenchSession(target, verbose: verbose)
                defer { session.close() }
                report = PluginReport(session.plugin, instance: session.target.deviceName, points: session.instance.points)
            } else {
                report = PluginReport(try BenchSession.load(target.pluginPath), instance: nil, points: nil)
            }
            if output.json { try output.emit(json: report) } else { report.print() }
        }
    }
}

/// What `plugin info` prints.
struct PluginReport: Encodable {
    let path: String
    let abiVersion: UInt32
    let hostABIVersion: UInt32
    let vtableSize: UInt32
    let driver: String
    let driverVersion: String
    /// With `--config`: the instance opened and its points.
    let instance: String?
    let points: [PointDescription]?

    init(_ plugin: ProbePlugin, instance: String?, points: [DriverPoint]?) {
        path = plugin.path
        abiVersion = plugin.abiVersion
        hostABIVersion = ProbePlugin.hostABIVersion
        vtableSize = plugin.vtableSize
        driver = plugin.driverName
        driverVersion = plugin.driverVersion
        self.instance = instance
        self.points = points?.map(PointDescription.init)
        rawPoints = points ?? []
    }

    private let rawPoints: [DriverPoint]
    private enum CodingKeys: String, CodingKey {
        case path, abiVersion, hostABIVersion, vtableSize, driver, driverVersion, instance, points
    }

    func print() {
        var summary = KeyValueList()
        summary.append("plugin", path)
        summary.append("driver", "\(driver) \(driverVersion)")
        summary.append("ABI version", "\(abiVersion) (this host: \(hostABIVersion)), vtable \(vtableSize) bytes")
        if let instance { summary.append("instance", "'\(instance)': \(rawPoints.count) point(s)") }
        summary.print()
        if points != nil {
            Swift.print("")
            PointDescription.table(rawPoints).print()
        }
    }
}
