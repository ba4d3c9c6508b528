import ArgumentParser
import DSOForecast
import DSOHistorian
import DSOModel
import DSOPlanning
import DSOScenario
import DSOService
import Foundation

/// `dsod plan`: the day-ahead planner for one operating day of a service configuration's fleet, against a
/// price file: bids, interface-point schedules, resource plans, expected revenue.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan one operating day: CAISO bids, interface-point schedules, SOC and expected revenue.",
        discussion: """
            Forecasts come from --forecasts (a CSV with one column per forecast target: <point>/load, <point>/pv, \
            <dr>/dr-available, kW), else from a simulated scenario's own profiles, else from the historian's \
            forecast layer as of the day-ahead deadline. Prices from --prices (hourly or finer; each interval takes \
            the price of the hour it starts in). Docs: docs/planning.md.
            Example: dsod plan --config examples/substation.toml --day 2021-07-15 \\
              --prices caiso_hub_lmp_2021_hourly_DAM_EIA.csv --price-time "UTC Timestamp (Interval Ending)" \\
              --price-stamp end --energy-column "SP-15 LMP" --regulation-up-price 12 --regulation-down-price 8
            """
    )

    @Option(help: "Service configuration file (TOML).") var config: String
    @Option(help: "The operating day, local (YYYY-MM-DD).") var day: String
    @Option(help: "Interval length, minutes: 60 (day-ahead market) or 15.") var interval = 60
    @OptionGroup var price: PriceOptions
    @Option(help: "A CSV of forecasts, one column per target (kW), times in --forecast-timezone.") var forecasts: String?
    @Option(help: "Zone of forecast times written without an offset.") var forecastTimezone = "UTC"
    @Flag(help: "Print the plan as JSON.") var json = false
    @Flag(help: "Print the plan as CSV, one row per interval.") var csv = false
    @Option(help: "Write plan.json, plan.csv, bids.json and plan.svg here.") var report: String?

    func run() throws {
        do {
            try plan()
        } catch let error as PlanningError {
            throw CommandFailure(error.description)
        } catch let error as ForecastError {
            throw CommandFailure(error.description)
        }
    }

    private func plan() throws {
        let configuration: ServiceConfiguration
        do { configuration = try ServiceConfiguration.load(path: config) } catch { throw CommandFailure(error.description) }
        guard let operatingDay = LocalDate(text: day) else { throw CommandFailure("--day '\(day)': expected YYYY-MM-DD") }
        let zone = configuration.forecast?.settings.zone ?? .pacific
        let horizon = try PlanningHorizon(day: operatingDay, zone: zone, minutes: interval)
        let marketPrices = try price.file().prices(for: horizon)
        let (forecastSeries, source) = try readForecasts(configuration, horizon)
        FileHandle.standardError.write(Data("plan: forecasts from \(source)\n".utf8))
        var devices: [DeviceSpec]?
        if case .simulation(let simulation) = configuration.devices { devices = simulation.scenario.devices }
        let fleet = try PlanningFleet(model: configuration.model, devices: devices, forecasts: forecastSeries, count: horizon.count)
        let plan = try DayAheadPlanner().plan(fleet: fleet, prices: marketPrices, horizon: horizon)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if json {
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
        } else if csv {
            print(PlanReport.csv(plan, prices: marketPrices), terminator: "")
        } else {
            print(PlanReport.table(plan, prices: marketPrices, zone: zone))
        }
        if let report {
            try FileManager.default.createDirectory(atPath: report, withIntermediateDirectories: true)
            try encoder.encode(plan).write(to: URL(fileURLWithPath: "\(report)/plan.json"))
            try PlanReport.csv(plan, prices: marketPrices).write(toFile: "\(report)/plan.csv", atomically: true, encoding: .utf8)
            struct Bids: Encodable { var energy: [EnergyBid]; var ancillary: [AncillaryOffer] }
            try encoder.encode(Bids(energy: plan.energyBids, ancillary: plan.ancillaryOffers))
                .write(to: URL(fileURLWithPath: "\(report)/bids.json"))
            try PlanReport.svg(plan, prices: marketPrices).write(toFile: "\(report)/plan.svg", atomically: true, encoding: .utf8)
            FileHandle.standardError.write(Data("report: \(report)/plan.json, plan.csv, bids.json, plan.svg\n".utf8))
        }
        if !plan.bidViolations.isEmpty { throw CommandFailure("\(plan.bidViolations.count) bids break CAISO's rules: \(plan.bidViolations.prefix(3).joined(separator: "; "))") }
    }

    /// The forecasts and where they came from.
    private func readForecasts(_ configuration: ServiceConfiguration, _ horizon: PlanningHorizon) throws -> (PlanningForecasts, String) {
        if let forecasts {
            let columns = try WeatherCSV.header(path: forecasts, skipLines: 0)
            var reader = SeriesCSV(timeColumn: "", valueColumn: "")
            reader.inputTimeZone = try MarketTimeZone(forecastTimezone)
            let series = try WeatherCSV.load(path: forecasts, timeColumn: columns.first, columns: nil, base: reader)
            var values: [String: [Double]] = [:]
            for (name, hourly) in series {
                values[name] = try horizon.intervals.map { interval in
                    let value = hourly.value(atHourStart: interval.startUnixSeconds / 3600 * 3600)
                    guard value.isFinite else {
                        throw PlanningError("\(forecasts): no '\(name)' forecast for \(UTCTimestamp.text(unixSeconds: Double(interval.startUnixSeconds)))")
                    }
                    return value
                }
            }
            return (PlanningForecasts(seriesKW: values), forecasts)
        }
        if case .simulation(let simulation) = configuration.devices {
            return (PlanningForecasts.profiles(of: simulation.scenario, horizon: horizon), "the scenario's profiles (\(simulation.scenario.sourcePath))")
        }
        throw CommandFailure("no forecasts: give --forecasts FILE.csv (one column per target, kW); with real devices the historian's forecasts are used by dsod run")
    }
}
