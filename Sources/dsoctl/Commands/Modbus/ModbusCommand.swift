import ArgumentParser

/// `dsoctl modbus`: Modbus TCP and RTU devices: SunSpec scan, raw register read and write.
struct ModbusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modbus",
        abstract: "Modbus devices: SunSpec scan, raw register read and write",
        discussion: """
            Register addresses are 0-based protocol addresses, as on the wire: a manual's "40001" is holding \
            register 0 (or pass --vendor-numbering to read and write). Bad option values are usage errors (64); \
            a value the register type cannot carry is refused with 3; a Modbus exception exits 1; no answer \
            (refused, timeout, no serial device) exits 2.
            """,
        subcommands: [ModbusScanCommand.self, ModbusReadCommand.self, ModbusWriteCommand.self]
    )
}
