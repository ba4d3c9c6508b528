import DSOForecast
import DSOModel
import DSOScenario

/// `[forecast]` and its `[[forecast.programmes]]`: read and checked like every other section (forecaster names,
/// the time zone, the weather file's rows, which resources the programmes name), so `check-config` lists every
/// issue with its key.
extension ServiceConfigurationLoader {
    /// The settings as written and each programme with its key path, before the grid is known.
    struct WrittenForecast {
        var settings = ForecastSettings()
        var site: (latitude: Double?, longitude: Double?, altitude: Double) = (nil, nil, 0)
        var programmes: [(keyPath: String, resource: String, share: Double, maximumKW: Double?, windows: [AvailabilityWindow])] = []
    }

    func readForecast(historian: ServiceConfiguration.HistorianSettings?) -> WrittenForecast? {
        guard let section = root.subtable("forecast") else { return nil }
        var written = WrittenForecast()
        var settings = ForecastSettings()
        if let name = section.optionalString("forecaster", expected: "a forecaster's name, e.g. \"ensemble\"") {
            let known = Set(ForecasterCatalog.names(kind: .load) + ForecasterCatalog.names(kind: .pv)).sorted()
            if known.contains(name) {
                settings.forecaster = name
            } else {
                section.report("forecaster", found: "\"\(name)\"", expected: "one of \(known.joined(separator: ", "))")
            }
        }
        if let zone = section.optionalString("timezone", expected: "an IANA time zone, e.g. \"America/Los_Angeles\"") {
            do { settings.zone = try MarketTimeZone(zone) } catch { section.report("timezone", found: "\"\(zone)\"", expected: "an IANA time zone, e.g. \"America/Los_Angeles\"") }
        }
        if let issue = section.optionalString("day_ahead_issue", expected: "a local time HH:MM, e.g. \"10:00\"") {
            let parts = issue.split(separator: ":")
            if parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) {
                (settings.dayAheadIssueHour, settings.dayAheadIssueMinute) = (hour, minute)
            } else {
                section.report("day_ahead_issue", found: "\"\(issue)\"", expected: "a local time HH:MM, e.g. \"10:00\"")
            }
        }
        settings.intradayHours = section.optionalInt("intraday_hours", 1...48) ?? settings.intradayHours
        if let refresh = section.optionalInt("refresh_minutes", 1...60) {
            if 60 % refresh == 0 {
                settings.refreshMinutes = refresh
            } else {
                section.report("refresh_minutes", found: "\(refresh)", expected: "a divisor of 60 (5, 10, 15, 30, 60)")
            }
        }
        let retentionDays = historian.map { Int($0.hourlyRetentionDays) } ?? 0
        if let history = section.optionalInt("history_days", 2...730) {
            if history > retentionDays {
                section.report("history_days", found: "\(history)", expected: "at most historian.hourly_retention_days (\(retentionDays)): older hourly means are deleted")
            }
            settings.historyDays = history
        } else {
            settings.historyDays = max(2, min(settings.historyDays, retentionDays))
        }
        settings.holdoutDays = section.optionalInt("holdout_days", 0...60) ?? min(settings.holdoutDays, settings.historyDays / 4)
        if settings.holdoutDays >= settings.historyDays {
            section.report("holdout_days", found: "\(settings.holdoutDays)", expected: "fewer than history_days (\(settings.historyDays))")
        }
        written.site.latitude = section.optionalDouble("latitude", expected: "degrees north, −90…90") { (-90...90).contains($0) }
        written.site.longitude = section.optionalDouble("longitude", expected: "degrees east, −180…180") { (-180...180).contains($0) }
        written.site.altitude = section.optionalDouble("altitude_m", expected: "metres above sea level, −500…9000") {
            (-500...9000).contains($0)
        } ?? 0
        if (written.site.latitude == nil) != (written.site.longitude == nil), !section.has(written.site.latitude == nil ? "latitude" : "longitude") {
            section.report(written.site.latitude == nil ? "latitude" : "longitude", "missing, expected both latitude and longitude, or neither")
        }
        settings.weather = readWeather(section)
        settings.site = written.site.latitude.flatMap { latitude in
            written.site.longitude.flatMap { try? SolarSite(latitudeDegrees: latitude, longitudeDegrees: $0, altitudeMetres: written.site.altitude) }
        }
        if settings.site != nil { settings.clearSkyModel = (try? .ineichenPerez(linkeTurbidity: 3)) ?? .haurwitz }
        for programme in section.tables("programmes") {
            guard let resource = programme.requiredString("resource", expected: "the id of a DR resource") else { continue }
            let share = programme.optionalDouble("curtailable_share", expected: "a fraction 0…1") { (0...1).contains($0) } ?? 1
            let maximum = programme.optionalDouble("max_curtailment_kw", expected: "kW ≥ 0") { $0 >= 0 }
            written.programmes.append((programme.path("resource"), resource, share, maximum, programme.availabilityWindows("windows")))
            programme.finish()
        }
        section.finish()
        if historian == nil {
            diagnostics.report("forecast", "needs a [historian] section: the forecasts learn from its telemetry and are stored in it")
        }
        written.settings = settings
        return written
    }

    /// `weather = "file.csv"` with `weather_time_column`, `weather_columns` and `weather_timezone`: read now, so a
    /// bad row is an issue of this configuration (naming the file and row), not a surprise at the first forecast.
    private func readWeather(_ section: TableReader) -> [(name: String, series: HourlySeries)] {
        let path = section.optionalString("weather", expected: "a CSV file of weather forecasts").map(resolve)
        let time = section.optionalString("weather_time_column", expected: "the weather file's time column")
        let columns = section.optionalStrings("weather_columns")
        let zoneName = section.optionalString("weather_timezone", expected: "the zone of the weather file's naive times, e.g. \"UTC\"")
        guard let path else {
            for key in ["weather_time_column", "weather_columns", "weather_timezone"] where section.has(key) {
                section.report("weather", "missing, expected the weather file that \(key) describes")
            }
            return []
        }
        var reader = SeriesCSV(timeColumn: time ?? "", valueColumn: "")
        if let zoneName {
            do { reader.inputTimeZone = try MarketTimeZone(zoneName) } catch {
                section.report("weather_timezone", found: "\"\(zoneName)\"", expected: "an IANA time zone or UTC")
            }
        }
        do {
            return try WeatherCSV.load(path: path, timeColumn: time, columns: columns?.joined(separator: ","), base: reader)
        } catch {
            section.report("weather", error.description)
            return []
        }
    }

    /// The grid's targets with their programmes: a simulated DR resource's own share, cap and windows unless a
    /// `[[forecast.programmes]]` table says otherwise; with real devices a resource without one offers its
    /// whole consumption at any hour. A PV target needs the site.
    func forecastConfiguration(_ written: WrittenForecast, model: SubstationModel,
                               simulation: ServiceConfiguration.SimulationSettings?) -> ServiceConfiguration.ForecastConfiguration? {
        var programmes: [String: DRAvailabilityForecast] = [:]
        if let simulation {
            for (resource, device) in zip(model.resources, simulation.scenario.devices) {
                if case .demandResponse(let parameters) = device {
                    programmes[resource.id] = try? DRAvailabilityForecast(programme: resource.id, parameters: parameters)
                }
            }
        }
        let drResources = model.resources.filter { $0.kind == .demandResponse }
        var seen = Set<String>()
        for programme in written.programmes {
            guard let resource = drResources.first(where: { $0.id == programme.resource }) else {
                let ids = drResources.map(\.id)
                diagnostics.report(programme.keyPath, found: "\"\(programme.resource)\"", expected: "the id of a DR resource: "
                                   + (ids.isEmpty ? "(none: the grid has no dr resources)" : ids.joined(separator: ", ")))
                continue
            }
            if !seen.insert(resource.id).inserted {
                diagnostics.report(programme.keyPath, found: "\"\(resource.id)\" again", expected: "one table per DR resource")
            }
            programmes[resource.id] = try? DRAvailabilityForecast(
                programme: resource.id, curtailableShare: programme.share, maximumCurtailmentKW: programme.maximumKW ?? -resource.minimumKW,
                windows: programme.windows.map { ($0.startHour, $0.endHour) })
        }
        let targets: [ForecastTarget]
        do {
            targets = try ForecastTarget.targets(of: model, programmes: programmes)
        } catch {
            diagnostics.report("forecast", error.description)
            return nil
        }
        if written.settings.site == nil, let pv = targets.first(where: { $0.kind == .pv }) {
            diagnostics.report("forecast.latitude", "missing, expected the site's latitude and longitude: \(pv.id) needs its clear sky")
        }
        return ServiceConfiguration.ForecastConfiguration(settings: written.settings, targets: targets)
    }
}
