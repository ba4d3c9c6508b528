import ArgumentParser

/// The OpenDSO daemon's command line: run a substation, simulate one, replay a capture.
@main
struct DSOD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dsod",
        abstract: "OpenDSO: the DSO control kernel for CAISO supply substations.",
        subcommands: [Simulate.self, Replay.self, Run.self, CheckConfig.self, Forecast.self, Plan.self]
    )
}
