public import DSOScenario
public import DSOKernel
import DSOModel
import DSORuntime
public import DSODriverHost
import Foundation

/// A substation run end to end on one machine: simulated devices, a market and ISO side that feed
/// schedules and the regulation signal through the kernel's rings, the kernel itself, and a recorder.
///
/// Per cycle k at t = k·period: the devices advance to t and their telemetry lands on the kernel's board;
/// due schedules and signal samples are pushed into the inbound rings; the kernel steps; its set points
/// go back to the devices (which apply them after their own delay); the record goes to the recorder.
public final class SubstationSimulation: @unchecked Sendable {
    // Sendable: on the virtual clock everything runs on the caller's thread. On the real clock the
    // device side and the kernel run only on the timer's queue, the recorder only on the caller's
    // thread, and they meet only through the kernel's SPSC record and event rings.
    public let scenario: Scenario
    public let kernel: ControlKernel
    var signal: RegulationSignal?
    var signalCursor: RegulationSignalCursor?
    /// Whether the signal came from the caller (kept as given) rather than the scenario.
    let signalIsOverride: Bool
    var fleet: SimulatedFleet
    let periodNanoseconds: Int64
    let periodSeconds: Double
    let signalPeriodSeconds: Double
    var nextSignalSeconds = 0.0
    var signalSequence: UInt64 = 0
    var pendingSchedules: [ScheduleEntry]
    var pendingScheduleIndex = 0
    var capture: InputCapture?
    /// The driver host when the devices are reached through the simulated-device plugin.
    var driverHost: DriverHost?
    /// Set for a run whose regulation messages and schedules come from an external producer (the ISO link).
    var externalInbound = false
    /// Observers of every record and event, called on the recording thread (set per run from the options).
    var onRecord: (@Sendable (CycleRecord) -> Void)?
    var onEvent: (@Sendable (KernelEvent) -> Void)?
    /// Per interface point: whether it has a meter.
    let metered: [Bool]
    /// Batteries and their SOC extremes over the run, to show whether SOC stayed in its band.
    let batteryIndices: [Int]
    var socLowest: [Double]
    var socHighest: [Double]
    /// Battery-seconds spent outside the SOC band (summed over batteries).
    var batterySecondsOutsideSOCBand = 0.0

    public init(scenario: Scenario, signalOverride: RegulationSignal? = nil,
                regulationTuning: RegulationTuning = RegulationTuning(),
                adjustKernel: (inout KernelConfiguration) -> Void = { _ in },
                devices: SimulatedDevicePath = .inProcess,
                driverLog: @escaping DriverLogHandler = { _, _ in }) throws {
        self.scenario = scenario
        var configuration = KernelConfiguration(regulation: regulationTuning)
        configuration.periodNanoseconds = Int64((scenario.kernel.periodSeconds * 1e9).rounded())
        configuration.staleAfterSeconds = scenario.kernel.staleAfterSeconds
        configuration.setpointTTLSeconds = scenario.kernel.setpointTTLSeconds
        adjustKernel(&configuration)
        kernel = try ControlKernel(model: scenario.model, configuration: configuration)
        periodNanoseconds = configuration.periodNanoseconds
        periodSeconds = configuration.periodSeconds
        signalPeriodSeconds = scenario.regulation.signalPeriodSeconds
        signalIsOverride = signalOverride != nil
        signal = try signalOverride ?? Self.loadSignal(scenario, durationSeconds: scenario.run.durationSeconds)
        signalCursor = signal?.cursor()
        fleet = scenario.makeFleet()
        if case .plugin(let libraryPath) = devices {
            let configuration = SimulatedDevicePath.driverConfiguration(
                scenario: scenario, libraryPath: libraryPath, periodSeconds: periodSeconds)
            let host = try DriverHost(configurations: [configuration], model: scenario.model, mode: .synchronous,
                                      log: driverLog)
            host.start()
            driverHost = host
        }
        pendingSchedules = scenario.schedules
        metered = scenario.model.interfacePoints.map(\.hasMeter)
        batteryIndices = scenario.model.resources.indices.filter { scenario.model.resources[$0].kind == .battery }
        socLowest = Array(repeating: .infinity, count: batteryIndices.count)
        socHighest = Array(repeating: -.infinity, count: batteryIndices.count)
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
        signalCursor = signal?.cursor()
    }

    /// The device, market and ISO side of cycle `cycle`: advance devices, fill the board, push messages.
    func prepare(cycle: Int64) {
        let nanoseconds = cycle &* periodNanoseconds
        let seconds = Double(cycle &* periodNanoseconds) / 1e9
        let board = kernel.board
        if let driverHost {
            driverHost.beforeCycle(kernel, atNanoseconds: nanoseconds)
        } else {
            fleet.advance(toSeconds: seconds)
            fleet.writeTelemetry(into: board, metered: metered, timestampNanoseconds: nanoseconds)
        }
        let resources = kernel.resources
        for (slot, index) in batteryIndices.enumerated() {
            let soc = board.soc[index]
            socLowest[slot] = min(socLowest[slot], soc)
            socHighest[slot] = max(socHighest[slot], soc)
            if soc < resources.socBandLow[index] || soc > resources.socBandHigh[index] {
                batterySecondsOutsideSOCBand += periodSeconds
            }
        }
        if cycle == 0 && !externalInbound {
            // The award arrives like any ISO message: through the ring, and into a capture.
            let award = RegulationMessage.award(kw: scenario.regulation.awardMW * 1000, at: seconds)
            if kernel.inbound.regulation.push(award) { capture?.note(award) }
        }
        while !externalInbound && pendingScheduleIndex < pendingSchedules.count {
            let entry = pendingSchedules[pendingScheduleIndex]
            guard kernel.inbound.schedules.push(entry) else { break }
            capture?.note(entry)
            pendingScheduleIndex += 1
        }
        if !externalInbound, signalCursor != nil, seconds + 1e-9 >= nextSignalSeconds {
            let value = signalCursor!.value(atSeconds: seconds)
            signalSequence += 1
            let message = RegulationMessage.signal(value, sequence: signalSequence, at: seconds)
            if kernel.inbound.regulation.push(message) { capture?.note(message) }
            nextSignalSeconds += signalPeriodSeconds
        }
        capture?.noteBoard(kernel.board, cycle: cycle)
    }

    /// Sends the kernel's published set points to the devices.
    func apply(cycle: Int64) {
        let seconds = Double(cycle &* periodNanoseconds) / 1e9
        if let driverHost {
            driverHost.afterCycle(kernel)
        } else {
            fleet.apply(kernel.setpoints, atSeconds: seconds)
        }
    }

    /// One whole cycle: device side, kernel step, set points back.
    func cycle(_ cycle: Int64) {
        prepare(cycle: cycle)
        kernel.step(atNanoseconds: cycle &* periodNanoseconds)
        apply(cycle: cycle)
    }
}

extension SubstationSimulation {
    /// A new kernel with this scenario's model and configuration, untouched by any cycle (for replays).
    public func freshKernel(regulationTuning: RegulationTuning? = nil) throws -> ControlKernel {
        var configuration = kernel.configuration
        if let regulationTuning { configuration.regulation = regulationTuning }
        return try ControlKernel(model: scenario.model, configuration: configuration)
    }
}
