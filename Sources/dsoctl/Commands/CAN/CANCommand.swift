import ArgumentParser

/// `dsoctl can`: CAN battery BMS: live decoded frames (being built).
struct CANCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "can", abstract: "CAN battery BMS: live decoded frames")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl can is not built yet").report()
    }
}
