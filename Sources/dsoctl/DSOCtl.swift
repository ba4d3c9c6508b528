import ArgumentParser

/// The bench and commissioning tool: talks to devices through the same plugins and libraries dsod uses.
@main
struct DSOCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dsoctl",
        abstract: "OpenDSO bench tool: probe driver plugins, Modbus and CAN devices, and a running dsod.",
        discussion: ExitStatus.help,
        subcommands: [
            PluginCommand.self, ReadCommand.self, WriteCommand.self, WatchCommand.self, BenchCommand.self,
            ModbusCommand.self, CANCommand.self, StatusCommand.self,
        ]
    )
}
