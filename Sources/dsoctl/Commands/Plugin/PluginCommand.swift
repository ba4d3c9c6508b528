import ArgumentParser

/// `dsoctl plugin`: Inspect a driver plugin (being built).
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plugin", abstract: "Inspect a driver plugin")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl plugin is not built yet").report()
    }
}
