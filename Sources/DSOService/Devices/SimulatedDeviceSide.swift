public import DSODriverHost
public import DSOKernel
import DSOModel
public import DSOSimulation
public import DSOScenario
import Synchronization

/// Simulated devices from a scenario, on the real clock, with the scenario's built-in regulation signal
/// (repeated every `signalLoopSeconds`), so the service runs end to end without hardware.
///
/// By default the devices are reached through the `simulated` driver plugin and the driver host — the
/// same path as hardware; `devices = "in-process"` calls the device models directly.
public final class SimulatedDeviceSide: DeviceSide, @unchecked Sendable {
    // Sendable: `fleet`, `nextSignalSeconds`, `sequence` and `lastAwardKW` are touched only
    // on the cycle thread (prepare/apply) or on the control queue while no cycle runs (the timer is
    // stopped synchronously before applySafeSetpoints); the award hand-over from `reload` goes through an
    // atomic.
    public let scenario: Scenario
    private var fleet: SimulatedFleet
    /// The plugin path through the driver host, when configured (else the fleet is called directly).
    private let drivers: DriverDeviceSide?
    private let commandable: [Bool]
    private let metered: [Bool]
    private let signal: RegulationSignal?
    private var nextSignalSeconds = 0.0
    private var sequence: UInt64 = 0
    private let signalPeriodSeconds: Double
    /// Award requested by configuration (kW, bit pattern of a Double); pushed when it differs from the last one.
    private let requestedAwardBits: Atomic<UInt64>
    private var lastAwardKW = -1.0
    /// False when the ISO link owns the regulation ring (it is single-producer).
    public let drivesRegulation: Bool

    public init(settings: ServiceConfiguration.SimulationSettings, drivesRegulation: Bool, log: ServiceLog) throws {
        scenario = settings.scenario
        fleet = settings.scenario.makeFleet()
        if case .plugin(let libraryPath) = settings.devicePath {
            let configuration = SimulatedDevicePath.driverConfiguration(
                scenario: settings.scenario, libraryPath: libraryPath, periodSeconds: settings.scenario.kernel.periodSeconds)
            drivers = try DriverDeviceSide(model: settings.scenario.model, drivers: [configuration], log: log)
        } else {
            drivers = nil
        }
        commandable = settings.scenario.model.resources.map { $0.kind != .load }
        metered = settings.scenario.model.interfacePoints.map(\.hasMeter)
        signalPeriodSeconds = settings.scenario.regulation.signalPeriodSeconds
        self.drivesRegulation = drivesRegulation
        requestedAwardBits = Atomic((settings.awardMW * 1000).bitPattern)
        if drivesRegulation {
            signal = Self.makeSignal(settings)
        } else {
            signal = nil
        }
    }

    static func makeSignal(_ settings: ServiceConfiguration.SimulationSettings) -> RegulationSignal? {
        let regulation = settings.scenario.regulation
        switch regulation.signal {
        case .generated(let kind, let seed):
            return kind.generate(durationSeconds: settings.signalLoopSeconds, samplePeriodSeconds: regulation.signalPeriodSeconds, seed: seed)
        case .csv(let path):
            return try? RegulationSignal.load(csvAtPath: path)
        }
    }

    public var description: String {
        let model = scenario.model
        let regulation = drivesRegulation
            ? "built-in \(Self.signalName(scenario.regulation.signal)) signal, award \(Double(bitPattern: requestedAwardBits.load(ordering: .relaxed)) / 1000) MW"
            : "regulation from the ISO link"
        let path = drivers.map { "through the driver plugin: \($0.description)" } ?? "in-process"
        return "simulated devices of scenario '\(scenario.name)' (\(scenario.sourcePath)): \(model.resources.count) resources, \(regulation), \(path)"
    }

    static func signalName(_ source: Scenario.SignalSource) -> String {
        switch source {
        case .generated(let kind, _): kind.rawValue
        case .csv(let path): path
        }
    }

    public func open(kernel: ControlKernel) throws { try drivers?.open(kernel: kernel) }

    public func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        let seconds = Double(nanoseconds) / 1e9
        if let drivers {
            drivers.prepare(cycle: cycle, atNanoseconds: nanoseconds, kernel: kernel)
        } else {
            fleet.advance(toSeconds: seconds)
            fleet.writeTelemetry(into: kernel.board, metered: metered, timestampNanoseconds: nanoseconds)
        }
        guard drivesRegulation else { return }
        let awardKW = Double(bitPattern: requestedAwardBits.load(ordering: .relaxed))
        if awardKW != lastAwardKW, kernel.inbound.regulation.push(.award(kw: awardKW, at: seconds)) {
            lastAwardKW = awardKW
        }
        if let signal, seconds + 1e-9 >= nextSignalSeconds {
            // The service runs indefinitely; the generated signal repeats after its end.
            let value = signal.value(atSeconds: seconds.truncatingRemainder(dividingBy: max(signal.endSeconds, signalPeriodSeconds)))
            sequence += 1
            if kernel.inbound.regulation.push(.signal(value, sequence: sequence, at: seconds)) {
                nextSignalSeconds += signalPeriodSeconds
            }
        }
    }

    public func apply(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        if let drivers { return drivers.apply(cycle: cycle, atNanoseconds: nanoseconds, kernel: kernel) }
        fleet.apply(kernel.setpoints, atSeconds: Double(nanoseconds) / 1e9)
    }

    public func applySafeSetpoints(kernel: ControlKernel, atNanoseconds nanoseconds: Int64) {
        if let drivers { return drivers.applySafeSetpoints(kernel: kernel, atNanoseconds: nanoseconds) }
        let seconds = Double(nanoseconds) / 1e9
        for index in 0..<fleet.resourceCount where commandable[index] {
            fleet.command(resource: index, kw: ControlKernel.fallbackSetpointKW(kernel.resources, index), atSeconds: seconds)
        }
    }

    public func close() { drivers?.close() }

    public func driverStatus() -> [DriverInstanceStatus] { drivers?.driverStatus() ?? [] }

    public func reload(_ configuration: ServiceConfiguration) -> [String] {
        guard case .simulation(let settings) = configuration.devices, drivesRegulation else { return [] }
        let newKW = settings.awardMW * 1000
        let oldKW = Double(bitPattern: requestedAwardBits.exchange(newKW.bitPattern, ordering: .relaxed))
        return oldKW == newKW ? [] : ["regulation award \(oldKW / 1000) MW → \(settings.awardMW) MW"]
    }
}
