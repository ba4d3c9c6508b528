public import ArgumentParser
import DSOKernel
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

    @Option(name: .customLong("award-mw"), help: "Regulation capacity award in MW, replacing the scenario's regulation.award_mw.")
    var awardMW: Double?

    @Option(name: .long, help: "Regulation allocator: tracking (default) or naive (shares of the raw target by rating, for comparison).")
    var allocator: RegulationTuning.Strategy = .tracking

    @Flag(name: .long, help: "Drive cycles from the real-time cycle timer instead of the virtual clock.")
    var realtime = false

    @Flag(name: .long, help: "Print each CAISO 15-minute interval and PJM hour score to standard error as it closes.")
    var liveScores = false

    @Flag(name: .long, help: "List the energy of every resource, not only batteries and DR.")
    var verbose = false

    func run() throws {
        var loaded: Scenario
        do {
            loaded = try Scenario.load(path: scenario)
        } catch {
            throw CommandFailure("\(error)")
        }
        if let awardMW {
            guard awardMW.isFinite && awardMW >= 0 else { throw ValidationError("--award-mw \(awardMW) must be ≥ 0") }
            loaded.regulation.awardMW = awardMW
        }
        var override: RegulationSignal?
        if let signal {
            do { override = try RegulationSignal.load(csvAtPath: signal) } catch { throw CommandFailure("\(error)") }
        }
        let simulation = try SubstationSimulation(scenario: loaded, signalOverride: override,
                                                  regulationTuning: RegulationTuning(strategy: allocator))
        let options = SimulationOptions(
            durationSeconds: duration?.seconds ?? loaded.run.durationSeconds,
            clock: realtime ? .realTime : .virtual,
            signalOverride: override, recordPath: record, inputCapturePath: captureInputs,
            liveScores: liveScores ? Self.printToStandardError : nil)
        let summary = try simulation.run(options)
        print(summary.report(verbose: verbose), terminator: "")
        if let record { print("\nRecord written to \(record)") }
        if let captureInputs { print("Inputs captured to \(captureInputs) (replay: dsod replay --scenario \(scenario) --inputs \(captureInputs))") }
    }
}

extension RegulationTuning.Strategy: ExpressibleByArgument {}

extension Simulate {
    @Sendable static func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
