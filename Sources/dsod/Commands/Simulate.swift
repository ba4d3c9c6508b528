public import ArgumentParser
import DSOCommandLine
import DSOCycleLoop
import DSOForecast
import DSOISOLink
import DSODriverHost
import DSOKernel
import DSOSimulation
import DSOScenario
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
    var duration: RunDuration?

    @Option(name: .long, help: "Write a CSV row per sample period: signal, regulation target and response, net per interface point.")
    var record: String?

    @Option(name: .long, help: "Capture every kernel input to this file for `dsod replay`.")
    var captureInputs: String?

    @Option(name: .customLong("award-mw"), help: "Regulation capacity award in MW, replacing the scenario's regulation.award_mw.")
    var awardMW: Double?

    @Option(name: .long, help: "Regulation allocator: tracking (default) or naive (shares of the raw target by rating, for comparison).")
    var allocator: RegulationTuning.Strategy = .tracking

    @Option(name: .long, help: "How devices are reached: plugin (the simulated-device driver plugin, the same path as hardware; default) or in-process.")
    var devices: DeviceChoice = .plugin

    @Option(name: .long, help: "The simulated-device plugin library (default: libDSOSimulatedDevices.so next to dsod).")
    var plugin: String?

    @Flag(name: .long, help: "Drive cycles from the real-time cycle timer instead of the virtual clock.")
    var realtime = false

    @Flag(name: .long, help: "Print each CAISO 15-minute interval and PJM hour score to standard error as it closes.")
    var liveScores = false

    @Option(name: .customLong("iso-listen"), help: "Serve the ISO link (Modbus TCP) on HOST:PORT: the regulation signal, award and dispatch targets come from it instead of the scenario (needs --realtime; docs/iso-link.md).")
    var isoListen: String?

    @Option(name: .customLong("iso-writers"), help: "Comma-separated IPv4 addresses allowed to write to the ISO link; others may only read.")
    var isoWriters = "127.0.0.1"

    @Option(name: .customLong("iso-max-clients"), help: "Most ISO link connections at once, writers and readers (default 16).")
    var isoMaxClients = ISOConnectionLimits().maximumClients

    @Option(name: .customLong("iso-writer-slots"), help: "ISO link connections kept for the writers; readers share the rest (default 4).")
    var isoWriterSlots = ISOConnectionLimits().writerSlots

    @Option(name: .customLong("iso-idle-timeout-s"), help: "Close an ISO link connection with no request for this long, seconds (default 30).")
    var isoIdleTimeoutSeconds = ISOConnectionLimits().idleTimeoutSeconds

    @Option(name: .customLong("iso-request-deadline-s"), help: "Close an ISO link connection whose request is not whole this long after its first byte, seconds (default 2).")
    var isoRequestDeadlineSeconds = ISOConnectionLimits().requestDeadlineSeconds

    @Option(name: .customLong("signal-ttl-s"), help: "Regulation signal time-to-live, seconds: past it regulation ramps to zero (default 12).")
    var signalTTLSeconds: Double?

    @Option(name: .customLong("fallback-ramp"), help: "Ramp to zero on a stale signal, fraction of the award per second (default 0.1).")
    var fallbackRamp: Double?

    @Flag(name: .long, help: "Run the planners in the loop: the day-ahead plan at the start and re-plans every 15 simulated minutes (needs --prices, --energy-column, --market-day; docs/planning.md).")
    var market = false

    @Option(name: .customLong("market-day"), help: "With --market: the local operating day simulated time 0 falls on (YYYY-MM-DD).")
    var marketDay: String?

    @Option(name: .customLong("replan-minutes"), help: "With --market: simulated minutes between re-plans.")
    var replanMinutes = 15

    @Option(name: .customLong("rtd-minutes"), help: "With --market: simulated minutes between real-time (5-minute) re-plans; 0: none.")
    var rtdMinutes = 0

    @Option(name: .customLong("dr-notification-minutes"), help: "With --market: DR participants' notice; re-plans call nothing sooner.")
    var drNotificationMinutes = 30.0

    @OptionGroup var price: PriceOptions

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
        let simulation: SubstationSimulation
        do {
            simulation = try SubstationSimulation(
                scenario: loaded, signalOverride: override, regulationTuning: RegulationTuning(strategy: allocator),
                adjustKernel: { kernel in
                    if let signalTTLSeconds { kernel.regulationSignalTTLSeconds = signalTTLSeconds }
                    if let fallbackRamp { kernel.regulationFallbackRampPerSecond = fallbackRamp }
                },
                devices: try devicePath(), driverLog: Self.logDriver)
        } catch { throw CommandFailure("\(error)") }
        var options = SimulationOptions(
            durationSeconds: duration?.seconds ?? loaded.run.durationSeconds,
            clock: realtime ? .realTime : .virtual,
            signalOverride: override, recordPath: record, inputCapturePath: captureInputs,
            liveScores: liveScores ? Self.printToStandardError : nil)
        let link = try isoListen.map { try startISOLink(at: $0, simulation, &options) }
        let planners = try market ? attachMarket(to: simulation, &options) : nil
        defer { link?.stop() }
        if let override, override.endSeconds < options.durationSeconds {
            Self.printToStandardError("warning: \(signal ?? "the signal") ends at \(override.endSeconds) s, before the run's \(options.durationSeconds) s: its last sample holds after that")
        }
        let summary = try simulation.run(options)
        print(summary.report(verbose: verbose), terminator: "")
        if let planners {
            let statistics = planners.statistics.withLock { $0 }
            print("\nMarket: \(statistics.plans) plans (\(String(format: "%.1f", statistics.solveSeconds)) s solving), \(statistics.failures) failed\(statistics.lastProblem.isEmpty ? "" : " (last: \(statistics.lastProblem))"), \(statistics.refusedPushes) intervals refused by a full ring")
        }
        if let record { print("\nRecord written to \(record)") }
        if let captureInputs { print("Inputs captured to \(captureInputs) (replay: dsod replay --scenario \(scenario) --inputs \(captureInputs))") }
    }
}

extension Simulate {
    /// `--market`: the planners on the virtual clock, pushing into the market ring between cycles.
    func attachMarket(to simulation: SubstationSimulation, _ options: inout SimulationOptions) throws -> SimulatedMarket {
        guard !realtime else { throw ValidationError("--market runs on the virtual clock: drop --realtime") }
        guard let marketDay, let day = LocalDate(text: marketDay) else {
            throw ValidationError("--market needs --market-day YYYY-MM-DD: the operating day simulated time 0 falls on")
        }
        guard (1...60).contains(replanMinutes) else { throw ValidationError("--replan-minutes \(replanMinutes): expected 1…60") }
        guard (0...15).contains(rtdMinutes) else { throw ValidationError("--rtd-minutes \(rtdMinutes): expected 0…15") }
        let planners = SimulatedMarket(scenario: simulation.scenario, prices: try price.file(), day: day, zone: .pacific,
                                       port: simulation.loop.port, replanMinutes: replanMinutes, rtdMinutes: rtdMinutes,
                                       drNotificationMinutes: drNotificationMinutes,
                                       cyclePeriodSeconds: simulation.scenario.kernel.periodSeconds)
        let previous = options.onRecord
        options.onRecord = { record in
            previous?(record)
            planners.note(signal: record.signal)
        }
        options.afterEachCycle = { kernel, seconds in planners.afterCycle(kernel: kernel, timeSeconds: seconds) }
        return planners
    }

    /// Starts the ISO link (docs/iso-link.md); it becomes the one producer of the ISO ring, and the scenario
    /// plays neither its signal, its award nor its schedules.
    private func startISOLink(at endpoint: String, _ simulation: SubstationSimulation,
                              _ options: inout SimulationOptions) throws -> ISOLinkServer {
        guard realtime else { throw ValidationError("--iso-listen needs --realtime (the ISO link runs on the real clock)") }
        guard captureInputs == nil else { throw ValidationError("--capture-inputs cannot be combined with --iso-listen") }
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(("dsod: " + $0 + "\n").utf8)) }
        let kernel = simulation.kernel, scenario = simulation.scenario, loop = simulation.loop
        do {
            let configuration = try ISOLinkConfiguration(
                endpoint: ISOEndpoint(parsing: endpoint), writers: ISOLinkConfiguration.parseWriters(isoWriters),
                model: scenario.model, initialAwardMW: scenario.regulation.awardMW,
                signalTTLSeconds: kernel.configuration.regulationSignalTTLSeconds,
                connections: ISOConnectionLimits(maximumClients: isoMaxClients, writerSlots: isoWriterSlots,
                                                 idleTimeoutSeconds: isoIdleTimeoutSeconds,
                                                 requestDeadlineSeconds: isoRequestDeadlineSeconds))
            let telemetry = ISOTelemetryMailbox(interfacePointCount: scenario.model.interfacePoints.count)
            let server = try ISOLinkServer(configuration: configuration, port: loop.port, epoch: loop.epoch, telemetry: telemetry,
                                           log: log)
            try server.start()
            let ramp = kernel.configuration.regulationFallbackRampPerSecond
            options.externalISO = true
            options.onRecord = { telemetry.publish($0) }
            options.onEvent = { event in
                telemetry.note(event)
                if let line = ISOLinkEventLog.line(for: event, fallbackRampPerSecond: ramp) { log(line) }
            }
            return server
        } catch { throw CommandFailure("\(error)") }
    }
}

extension RegulationTuning.Strategy: ExpressibleByArgument {}

extension Simulate {
    @Sendable static func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The `--devices` choice.
enum DeviceChoice: String, ExpressibleByArgument, CaseIterable {
    case plugin
    case inProcess = "in-process"
}

extension Simulate {
    /// Resolves `--devices`/`--plugin` to a device path; a missing plugin is an error naming the file.
    func devicePath() throws -> SimulatedDevicePath {
        guard devices == .plugin else { return .inProcess }
        let path = plugin.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? SimulatedDevicePath.besideExecutable()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("simulated-device plugin not found at \(path): build it (swift build --product DSOSimulatedDevices), pass --plugin PATH, or use --devices in-process")
        }
        return .plugin(libraryPath: path)
    }

    @Sendable static func logDriver(_ level: DriverLogLevel, _ message: String) {
        guard level.rawValue >= DriverLogLevel.warning.rawValue else { return }
        printToStandardError("driver: \(message)")
    }
}
