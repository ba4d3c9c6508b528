import DSOCycleLoop
import ArgumentParser
import DSOKernel
import DSOSimulation
import DSOScenario
import Foundation

/// `dsod replay`: feeds captured inputs into a fresh kernel and prints the set-point digest.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay captured kernel inputs and print the resulting set-point digest.",
        discussion: "Equal digests to the original run's mean bit-identical set points in every cycle."
    )

    @Option(name: .long, help: "The scenario the capture was taken with.")
    var scenario: String

    @Option(name: .long, help: "Capture file written by `dsod simulate --capture-inputs`.")
    var inputs: String

    @Option(name: .long, help: "Fail (exit 1) unless the digest equals this hexadecimal value.")
    var expectDigest: String?

    func run() throws {
        let loaded: Scenario
        do { loaded = try Scenario.load(path: scenario) } catch { throw CommandFailure("\(error)") }
        let simulation = try SubstationSimulation(scenario: loaded)
        let outcome: InputReplay.Outcome
        do {
            outcome = try InputReplay.replay(capturePath: inputs) { strategy in try simulation.freshKernel(strategy: strategy) }
        } catch { throw CommandFailure("\(error)") }
        let digest = String(outcome.setpointDigest, radix: 16)
        print("replayed \(outcome.cycles) cycles, set-point digest \(digest)")
        if let expectDigest, expectDigest.lowercased() != digest {
            print("digest differs from the expected \(expectDigest)")
            throw ExitCode(1)
        }
    }
}
