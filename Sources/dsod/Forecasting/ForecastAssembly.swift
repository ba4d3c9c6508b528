import DSOForecast
import DSOScenario
import DSOService

/// Turns `[forecast]` into the forecast layer's engine and targets, checking what the configuration reader
/// could not (forecaster names, the time zone, the weather file, which resources the programmes name) with
/// errors that name the configuration file and the key.
enum ForecastAssembly {
    static func refresher(for configuration: ServiceConfiguration) throws(ForecastError) -> ForecastRefresher? {
        guard let written = configuration.forecast, let historian = configuration.historian else { return nil }
        let file = configuration.path
        func fault(_ key: String, _ message: String) -> ForecastError { ForecastError("\(file): forecast.\(key): \(message)") }
        var settings = ForecastSettings()
        let known = Set(ForecasterCatalog.names(kind: .load) + ForecasterCatalog.names(kind: .pv))
        guard known.contains(written.forecaster) else {
            throw fault("forecaster", "\"\(written.forecaster)\" is not a forecaster; expected one of \(known.sorted().joined(separator: ", "))")
        }
        settings.forecaster = written.forecaster
        do { settings.zone = try MarketTimeZone(written.timeZone) } catch { throw fault("timezone", error.description) }
        settings.dayAheadIssueHour = written.dayAheadIssueHour
        settings.dayAheadIssueMinute = written.dayAheadIssueMinute
        settings.intradayHours = written.intradayHours
        settings.refreshMinutes = written.refreshMinutes
        settings.historyDays = written.historyDays
        settings.holdoutDays = written.holdoutDays
        if let latitude = written.latitudeDegrees, let longitude = written.longitudeDegrees {
            settings.site = try SolarSite(latitudeDegrees: latitude, longitudeDegrees: longitude, altitudeMetres: written.altitudeMetres)
            settings.clearSkyModel = try .ineichenPerez(linkeTurbidity: 3)
        } else if (written.latitudeDegrees == nil) != (written.longitudeDegrees == nil) {
            throw fault(written.latitudeDegrees == nil ? "latitude" : "longitude", "missing; expected both latitude and longitude, or neither")
        }
        if let path = written.weatherPath {
            var reader = SeriesCSV(timeColumn: written.weatherTimeColumn ?? "", valueColumn: "")
            do { reader.inputTimeZone = try MarketTimeZone(written.weatherTimeZone) } catch { throw fault("weather_timezone", error.description) }
            settings.weather = try WeatherCSV.load(path: path, timeColumn: written.weatherTimeColumn,
                                                   columns: written.weatherColumns.isEmpty ? nil : written.weatherColumns.joined(separator: ","),
                                                   base: reader)
        }
        do { try settings.validate() } catch { throw ForecastError("\(file): forecast: \(error)") }
        let model = configuration.model
        var programmes: [String: DRAvailabilityForecast] = [:]
        if case .simulation(let simulation) = configuration.devices {
            // A simulated programme's own share, cap and windows, unless [[forecast.programmes]] says otherwise.
            for (resource, device) in zip(model.resources, simulation.scenario.devices) {
                if case .demandResponse(let parameters) = device {
                    programmes[resource.id] = try DRAvailabilityForecast(programme: resource.id, parameters: parameters)
                }
            }
        }
        let drResources = model.resources.filter { $0.kind == .demandResponse }
        for (index, programme) in written.programmes.enumerated() {
            guard let resource = drResources.first(where: { $0.id == programme.resource }) else {
                let ids = drResources.map(\.id)
                throw fault("programmes[\(index)].resource", "\"\(programme.resource)\" is not a DR resource; expected one of "
                            + (ids.isEmpty ? "(none: the grid has no dr resources)" : ids.joined(separator: ", ")))
            }
            programmes[resource.id] = try DRAvailabilityForecast(
                programme: resource.id, curtailableShare: programme.curtailableShare,
                maximumCurtailmentKW: programme.maximumCurtailmentKW ?? -resource.minimumKW,
                windows: programme.windows.map { ($0.startHour, $0.endHour) })
        }
        let targets = try ForecastTarget.targets(of: model, programmes: programmes)
        if settings.site == nil, let pv = targets.first(where: { $0.kind == .pv }) {
            throw fault("latitude", "missing; \(pv.id) needs the site's latitude and longitude for its clear sky")
        }
        return ForecastRefresher(engine: ForecastEngine(settings: settings), targets: targets,
                                 history: TargetHistory(samplesPerHour: 3600 / historian.samplePeriodSeconds))
    }
}
