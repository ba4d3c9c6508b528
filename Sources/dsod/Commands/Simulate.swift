import ArgumentParser
import DSOSimulation
import Foundation

/// `dsod simulate`: a scenario on the virtual clock (or the real one), with a summary at the end.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a simulated substation scenario and print its summary.",
        discussion: """
            Runs on a virtual clock as fast as the CPU allows, unless --realtime is given. \
            The scenario format is documented in docs/scenario.md.
            """
    )

    @Option(name: .long, help: "Scenario file (TOML).")
    var scenario: String

    @Option(name: .long, help: "Regulation signal CSV (time_s,signal, normalised −1…1), replacing the scenario's.")
    var signal: String?

    @Option(name: .long, help: "Simulated duration (e.g. 8h, 40m, 90s); default: the scenario's run.duration_s.")
    var duration: Duration?

    @Option(name: .long, help: "Write a CSV row per sample period: signal, regulation target and response, net per interface point.")
    var record: String?

    @Option(name: .long, help: "Capture every kernel input to this file for `dsod replay`.")
    var captureInputs: String?

    @Flag(name: .long, help: "Drive cycles from the real-time cycle timer instead of the virtual clock.")
    var realtime = false

    @Flag(name: .long, help: "List the energy of every resource, not only batteries and DR.")
    var verbose = false

    func run() throws {
        let loaded: Scenario
        do {
            loaded = try Scenario.load(path: scenario)
        } catch {
            throw ValidationError("\(error)")
        }
        var override: RegulationSignal?
        if let signal {
            do { override = try RegulationSignal.load(csvAtPath: signal) } catch { throw ValidationError("\(error)") }
        }
        let simulation = try SubstationSimulation(scenario: loaded, signalOverride: override)
        let options = SimulationOptions(
            durationSeconds: duration?.seconds ?? loaded.run.durationSeconds,
            clock: realtime ? .realTime : .virtual,
            signalOverride: override, recordPath: record, inputCapturePath: captureInputs)
        let summary = try simulation.run(options)
        print(summary.report(verbose: verbose), terminator: "")
        if let record { print("\nRecord written to \(record)") }
        if let captureInputs { print("Inputs captured to \(captureInputs) (replay: dsod replay --scenario \(scenario) --inputs \(captureInputs))") }
    }
}
