public import DSODriverHost
public import DSOKernel
import DSOModel
public import DSOScenario

/// A scenario's simulated devices: through the `simulated` driver plugin and the driver host (the same
/// path as hardware), or the device models called directly (`inProcess`, for benchmarks and cross-checks).
/// Both give bit-identical runs on the virtual clock.
///
/// Only devices: the regulation signal and the schedules of a scenario come from producers
/// (`RegulationSignalPlayer`, `ScheduleFileProducer`), as they would from the ISO and the market.
public final class SimulatedDeviceSide: DeviceSide, @unchecked Sendable {
    // Sendable: `fleet` is touched only on the cycle thread (prepare/apply) or while no cycle runs
    // (applySafeSetpoints, after the clock stopped); `drivers` is Sendable.
    public let scenario: Scenario
    public private(set) var fleet: SimulatedFleet
    private let drivers: DriverDeviceSide?
    private let commandable: [Bool]
    private let metered: [Bool]

    /// `clocking` applies to the plugin path: synchronous on the virtual clock, threaded on the real one.
    public init(scenario: Scenario, path: SimulatedDevicePath, clocking: DriverDeviceSide.Clocking,
                log: @escaping DriverLogHandler = { _, _ in }) throws {
        self.scenario = scenario
        fleet = scenario.makeFleet()
        if case .plugin(let libraryPath) = path {
            let configuration = SimulatedDevicePath.driverConfiguration(
                scenario: scenario, libraryPath: libraryPath, periodSeconds: scenario.kernel.periodSeconds)
            drivers = try DriverDeviceSide(model: scenario.model, drivers: [configuration], clocking: clocking, log: log)
        } else {
            drivers = nil
        }
        commandable = scenario.model.resources.map { $0.kind != .load }
        metered = scenario.model.interfacePoints.map(\.hasMeter)
    }

    public var description: String {
        let path = drivers.map { "through the driver plugin: \($0.description)" } ?? "in-process"
        return "simulated devices of scenario '\(scenario.name)' (\(scenario.sourcePath)): \(scenario.model.resources.count) resources, \(path)"
    }

    public func prepare(cycle: Int64, atNanoseconds nanoseconds: Int64, kernel: ControlKernel) {
        if let drivers { return drivers.prepare(cycle: cycle, atNanoseconds: nanoseconds, kernel: kernel) }
        fleet.advance(toSeconds: Double(nanoseconds) / 1e9)
        fleet.writeTelemetry(into: kernel.board, metered: metered, timestampNanoseconds: nanoseconds)
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
}
