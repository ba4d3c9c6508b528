import ArgumentParser

/// `dsoctl watch`: Watch a driver's points live (being built).
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Watch a driver's points live")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl watch is not built yet").report()
    }
}
