import ArgumentParser

/// `dsoctl bench`: Round-trip latency of a driver (being built).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Round-trip latency of a driver")

    func run() async throws {
        throw CtlFailure(.invalidInput, "dsoctl bench is not built yet").report()
    }
}
