import ArgumentParser

/// `dsoctl write`: Write one set point through a driver (being built).
struct WriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write", abstract: "Write one set point through a driver")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl write is not built yet").report()
    }
}
