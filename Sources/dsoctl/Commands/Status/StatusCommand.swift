import ArgumentParser

/// `dsoctl status`: dsod's cycle health, interface points, resources and scores (being built).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "dsod's cycle health, interface points, resources and scores")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl status is not built yet").report()
    }
}
