import ArgumentParser
import DSOForecast
import DSOHistorian
import DSOModel
import DSORuntime
import DSOScenario
import DSOService
import DSOStatusSchema
import Foundation

/// `dsod forecast run`: one refresh of the service's forecasts from its historian, as `dsod run` would make
/// at that instant — to see them, to check a configuration on real history, or to forecast as of a past time.
struct ForecastRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Forecast every interface point and DR programme of a service configuration from its historian.",
        discussion: """
            Reads [forecast] and [historian] from the service configuration, the telemetry of the last \
            history_days from the historian, trains each target and prints its day-ahead and intraday forecasts \
            (P10/P50/P90, kW). --at forecasts as of a past instant (only what was known then is used); --store \
            keeps the forecasts in the historian as dsod run does.
            Example: dsod forecast run --config /etc/opendso/dsod.toml --at 2026-07-01T09:00:00-07:00 --json
            """
    )

    @Option(help: "Service configuration file (TOML) with [forecast] and [historian].") var config: String
    @Option(help: "Forecast as of this instant (RFC 3339 with an offset; default: now).") var at: String?
    @Flag(help: "Print the forecasts as JSON.") var json = false
    @Flag(help: "Store the forecasts in the historian.") var store = false

    func run() throws {
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.load(path: config)
        } catch {
            throw CommandFailure(error.description)
        }
        guard configuration.forecast != nil, let settings = configuration.historian else {
            throw CommandFailure("\(configuration.path): no [forecast] section (with a [historian]): nothing to forecast")
        }
        guard var refresher = ForecastAssembly.refresher(for: configuration) else { throw CommandFailure("no [forecast]") }
        let now: Int64
        if let at {
            guard let seconds = UTCTimestamp.unixSeconds(at) else {
                throw CommandFailure("--at '\(at)': expected an RFC 3339 time with an offset, e.g. 2026-07-01T09:00:00-07:00")
            }
            now = Int64(seconds.rounded(.down))
        } else {
            now = Int64(KernelEpoch.unixSecondsNow())
        }
        let path = WrittenPath.absolute(settings.databasePath, relativeTo: configuration.service.stateDirectory)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("\(path): no historian database (historian.database of \(configuration.path)); run dsod run first")
        }
        let historian = try Historian(path: path)
        let span = refresher.engine.span(nowUnixSeconds: now)
        let measured = try historian.hourlyTelemetry(fromUnixSeconds: span.startUnixSeconds, toUnixSeconds: now)
        let round = refresher.refresh(measured: measured.map(MeasuredHour.init), nowUnixSeconds: now)
        for problem in round.problems { FileHandle.standardError.write(Data("forecast: \(problem)\n".utf8)) }
        for (target, repairs) in round.repairs.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("history \(target): \(repairs.measuredHours) hours measured, \(repairs.filledHours) filled, \(repairs.missingHours) missing, \(repairs.calledHours) called\n".utf8))
        }
        if store {
            for forecast in round.forecasts { historian.record(.forecast(forecast, wallTimeSeconds: Double(now))) }
            try historian.flush()
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(round.forecasts), as: UTF8.self))
        } else {
            print(Self.table(round.forecasts, zone: refresher.engine.settings.zone))
        }
        if round.forecasts.isEmpty { throw ExitCode(1) }
    }

    /// One block per forecast: its hours in local time with P10/P50/P90.
    static func table(_ forecasts: [ForecastDocument], zone: MarketTimeZone) -> String {
        var lines: [String] = []
        for forecast in forecasts {
            lines.append("\(forecast.target) \(forecast.horizon) (\(forecast.forecaster), issued \(forecast.issued))")
            lines.append("  local hour          P10 kW    P50 kW    P90 kW")
            for hour in forecast.hours {
                let local = zone.local(hour.startUnixSeconds)
                func cell(_ value: Double?) -> String { value.map { String(format: "%9.1f", $0) } ?? "        -" }
                lines.append("  \(local.day) \(String(format: "%02d:00", local.hour))  \(cell(hour.p10KW)) \(cell(hour.p50KW)) \(cell(hour.p90KW))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
