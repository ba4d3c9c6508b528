import OpenDSOTestSupport
import DSOKernel
import Foundation
import Testing
@testable import DSOSimulation
@testable import DSOScenario

@Suite struct SubstationSimulationTests {
    /// A run longer than the scenario's own duration must still get a live signal: a generated signal that
    /// ended early would hold its last sample and wreck every later score.
    @Test func generatedSignalCoversARunLongerThanTheScenario() throws {
        let path = try ScenarioFixtures.write(ScenarioFixtures.minimalScenario)
        let scenario = try Scenario.load(path: path)
        let simulation = try SubstationSimulation(scenario: scenario)
        let runSeconds = scenario.run.durationSeconds + 2 * 3600
        #expect((simulation.signal?.endSeconds ?? 0) < runSeconds)
        try simulation.prepareSignal(durationSeconds: runSeconds)
        #expect((simulation.signal?.endSeconds ?? 0) >= runSeconds)
        // The signal keeps moving in the last half hour of the long run.
        let tail = try #require(simulation.signal).values(fromSeconds: runSeconds - 1800, toSeconds: runSeconds)
        #expect(Set(tail).count > 10)
    }

    /// A signal given by the caller is used as it is.
    @Test func anOverrideSignalIsKept() throws {
        let path = try ScenarioFixtures.write(ScenarioFixtures.minimalScenario)
        let scenario = try Scenario.load(path: path)
        let override = try RegulationSignal(samplePeriodSeconds: 4, values: [0.1, 0.2, 0.3])
        let simulation = try SubstationSimulation(scenario: scenario, signalOverride: override)
        try simulation.prepareSignal(durationSeconds: 7200)
        #expect(simulation.signal == override)
    }

    /// Each cycle's telemetry reaches the board, and the published set points reach the devices, which
    /// apply them after their command delay (2 s = 4 cycles of 0.5 s in the fixture).
    @Test func telemetryAndSetpointsCrossBetweenDevicesAndKernel() throws {
        let path = try ScenarioFixtures.write(ScenarioFixtures.minimalScenario)
        let simulation = try SubstationSimulation(scenario: try Scenario.load(path: path))
        let battery = try #require(simulation.scenario.model.resources.firstIndex { $0.id == "B1" })
        #expect(simulation.scenario.model.resources[battery].commandDelaySeconds == 2)
        var published: [Double] = []
        for cycle in 0..<40 {
            simulation.cycle(Int64(cycle))
            published.append(simulation.kernel.setpoints.setpointKW[battery])
        }
        let board = simulation.kernel.board
        for index in 0..<board.resourceCount {
            #expect(board.measuredKW[index] == simulation.fleet.powerKW(index))
            #expect(board.timestampNanoseconds[index] == 39 * simulation.periodNanoseconds)
        }
        let slot = simulation.fleet.slots[battery]
        #expect(simulation.fleet.batteries[slot].setpointKW == published[35])
        #expect(published[35] != published[39])
    }
}
