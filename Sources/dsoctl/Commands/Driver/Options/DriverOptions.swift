import ArgumentParser
import Foundation

/// `--plugin`, `--config`, `--driver`, `--verbose`: which driver to talk to and with which configuration.
struct DriverOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The driver plugin (.so); optional when --config is a service TOML whose [[drivers]] names its library.",
                                            valueName: "path"))
    var plugin: String?

    @Option(name: .long, help: ArgumentHelp("The driver's configuration string in a file, or a dsod service TOML with [[drivers]] sections.",
                                            valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Which [[drivers]] entry (its name) when the TOML has several.", valueName: "name"))
    var driver: String?

    @Flag(name: .long, help: "Show the driver's own log lines on stderr.")
    var verbose = false

    /// The plugin and configuration string to open; `--config` is required.
    func target() throws -> DriverTarget {
        guard let config else {
            throw ValidationError("Missing --config FILE: the driver's configuration string, or a service TOML with [[drivers]].")
        }
        return try DriverTarget.resolve(pluginArgument: plugin, configFile: config, driverName: driver)
    }
}
