import ArgumentParser

/// `dsoctl modbus`: Modbus devices: SunSpec scan, raw register read and write (being built).
struct ModbusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "modbus", abstract: "Modbus devices: SunSpec scan, raw register read and write")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl modbus is not built yet").report()
    }
}
