import ArgumentParser

/// `dsoctl read`: Read a driver's points (being built).
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Read a driver's points")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl read is not built yet").report()
    }
}
