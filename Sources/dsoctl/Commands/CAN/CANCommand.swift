import ArgumentParser

/// `dsoctl can`: CAN battery BMS: live decoded frames.
struct CANCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can",
        abstract: "CAN battery BMS: live decoded frames",
        subcommands: [CANMonitorCommand.self]
    )
}
