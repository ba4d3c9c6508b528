public import DSOCycleLoop
public import DSODriverHost
public import DSOKernel
import DSOModel
public import DSORuntime
public import DSOScenario
import Foundation

/// A substation run end to end on one machine: a scenario's simulated devices and its stand-ins for the
/// market (its schedules) and the ISO (its regulation signal and award) on the cycle loop, and a recorder.
///
/// Per cycle k at t = k·period the loop runs the devices, these producers, the kernel and the set points
/// back to the devices; this class adds the scenario's producers and keeps the summary's statistics.
public final class SubstationSimulation: CycleProducer, @unchecked Sendable {
    // Sendable: on the virtual clock everything runs on the caller's thread. On the real clock the loop's
    // cycle (devices, this producer, the kernel, the statistics hook) runs only on the timer's queue, the
    // recorder only on the caller's thread, and they meet only through the kernel's SPSC record and event
    // rings; `run` reads the statistics after the clock stopped.
    public let scenario: Scenario
    public let loop: CycleLoop
    public var kernel: ControlKernel { loop.kernel }
    let devices: SimulatedDeviceSide
    var signal: RegulationSignal?
    /// Whether the signal came from the caller (kept as given) rather than the scenario.
    let signalIsOverride: Bool
    /// The scenario's stand-in for the ISO and its schedule file, both on the cycle thread.
    var signalPlayer: RegulationSignalPlayer
    let schedules: ScheduleFileProducer
    let periodNanoseconds: Int64
    let periodSeconds: Double
    /// Set for a run whose ISO is real (the ISO link owns the port's ISO ring): the stand-in stays silent.
    var externalISO = false
    /// Batteries and their SOC extremes over the run, to show whether SOC stayed in its band.
    let batteryIndices: [Int]
    var socLowest: [Double]
    var socHighest: [Double]
    /// Battery-seconds spent outside the SOC band (summed over batteries).
    var batterySecondsOutsideSOCBand = 0.0

    public init(scenario: Scenario, signalOverride: RegulationSignal? = nil,
                regulationTuning: RegulationTuning = RegulationTuning(),
                adjustKernel: (inout KernelConfiguration) -> Void = { _ in },
                devices path: SimulatedDevicePath = .inProcess,
                driverLog: @escaping DriverLogHandler = { _, _ in }) throws {
        self.scenario = scenario
        var configuration = KernelConfiguration(regulation: regulationTuning)
        configuration.periodNanoseconds = Int64((scenario.kernel.periodSeconds * 1e9).rounded())
        configuration.staleAfterSeconds = scenario.kernel.staleAfterSeconds
        configuration.setpointTTLSeconds = scenario.kernel.setpointTTLSeconds
        adjustKernel(&configuration)
        let port = InboundPort()
        // The journal holds one cycle's drained messages for the input capture: at most every ring full.
        let kernel = try ControlKernel(model: scenario.model, configuration: configuration, inbound: port,
                                       journalCapacity: InboundProducer.allCases.count * 1024)
        devices = try SimulatedDeviceSide(scenario: scenario, path: path, clocking: .synchronous, log: driverLog)
        loop = CycleLoop(kernel: kernel, devices: devices)
        periodNanoseconds = configuration.periodNanoseconds
        periodSeconds = configuration.periodSeconds
        signalIsOverride = signalOverride != nil
        signal = try signalOverride ?? Self.loadSignal(scenario, durationSeconds: scenario.run.durationSeconds)
        signalPlayer = Self.player(signal, scenario)
        schedules = ScheduleFileProducer(entries: scenario.schedules, source: "scenario:\(scenario.sourcePath)", port: port)
        batteryIndices = scenario.model.resources.indices.filter { scenario.model.resources[$0].kind == .battery }
        socLowest = Array(repeating: .infinity, count: batteryIndices.count)
        socHighest = Array(repeating: -.infinity, count: batteryIndices.count)
        loop.add(self)
    }

    static func player(_ signal: RegulationSignal?, _ scenario: Scenario) -> RegulationSignalPlayer {
        RegulationSignalPlayer(signal: signal, signalPeriodSeconds: scenario.regulation.signalPeriodSeconds,
                               awardKW: scenario.regulation.awardMW * 1000, repeats: false)
    }

    static func loadSignal(_ scenario: Scenario, durationSeconds: Double) throws -> RegulationSignal? {
        guard scenario.regulation.awardMW > 0 else { return nil }
        let duration = max(durationSeconds, 1) + 3600
        switch scenario.regulation.signal {
        case .generated(let kind, let seed):
            return kind.generate(durationSeconds: duration, samplePeriodSeconds: scenario.regulation.signalPeriodSeconds,
                                 seed: seed)
        case .csv(let path):
            return try RegulationSignal.load(csvAtPath: path)
        }
    }

    /// Makes a generated signal cover a run of `durationSeconds` (a CSV signal is what it is: past its
    /// end the last sample holds, and the summary's scores show it).
    func prepareSignal(durationSeconds: Double) throws {
        guard !signalIsOverride, case .generated = scenario.regulation.signal,
              let current = signal, current.endSeconds < durationSeconds else { return }
        signal = try Self.loadSignal(scenario, durationSeconds: durationSeconds)
        signalPlayer = Self.player(signal, scenario)
    }

    /// The scenario's producers, on the cycle thread before each step: its schedules (schedule-files ring),
    /// then the ISO stand-in's award and signal (ISO ring) unless the real ISO link owns that ring.
    public func produce(cycle: Int64, atNanoseconds nanoseconds: Int64, into port: InboundPort) {
        schedules.produce(cycle: cycle, atNanoseconds: nanoseconds, into: port)
        guard !externalISO else { return }
        signalPlayer.produce(cycle: cycle, atNanoseconds: nanoseconds, into: port)
    }

    /// The summary's SOC statistics from the board the kernel just used (cycle thread, after each step).
    func noteSOC() {
        let board = kernel.board
        let resources = kernel.resources
        for (slot, index) in batteryIndices.enumerated() {
            let soc = board.soc[index]
            socLowest[slot] = min(socLowest[slot], soc)
            socHighest[slot] = max(socHighest[slot], soc)
            if soc < resources.socBandLow[index] || soc > resources.socBandHigh[index] {
                batterySecondsOutsideSOCBand += periodSeconds
            }
        }
    }

    /// One whole cycle on the virtual clock (tests step cycles one by one).
    func cycle(_ cycle: Int64) {
        loop.runCycle(CycleTick(cycleIndex: cycle, scheduledNanoseconds: 0, startedNanoseconds: 0, missedTicks: 0))
        noteSOC()
    }

    /// The in-process fleet (tests compare it with the board).
    var fleet: SimulatedFleet { devices.fleet }
}

extension SubstationSimulation {
    /// A new kernel with this scenario's model and configuration, untouched by any cycle (for replays).
    public func freshKernel(strategy: RegulationTuning.Strategy? = nil) throws -> ControlKernel {
        var configuration = kernel.configuration
        if let strategy { configuration.regulation.strategy = strategy }
        return try ControlKernel(model: scenario.model, configuration: configuration,
                                 journalCapacity: InboundProducer.allCases.count * 1024)
    }
}
