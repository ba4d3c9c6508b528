import DSOScenario

/// `[forecast]` and its `[[forecast.programmes]]`.
extension ServiceConfigurationLoader {
    func readForecast(historian: ServiceConfiguration.HistorianSettings?) -> ServiceConfiguration.ForecastSettings? {
        guard let section = root.subtable("forecast") else { return nil }
        var settings = ServiceConfiguration.ForecastSettings()
        settings.forecaster = section.optionalString("forecaster", expected: "a forecaster's name, e.g. \"ensemble\"") ?? settings.forecaster
        settings.timeZone = section.optionalString("timezone", expected: "an IANA time zone, e.g. \"America/Los_Angeles\"")
            ?? settings.timeZone
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
        let retentionDays = historian.map { Int($0.retentionDays) } ?? 0
        if let history = section.optionalInt("history_days", 2...730) {
            if history > retentionDays {
                section.report("history_days", found: "\(history)", expected: "at most historian.retention_days (\(retentionDays)): older telemetry is deleted")
            }
            settings.historyDays = history
        } else {
            settings.historyDays = max(2, min(settings.historyDays, retentionDays))
        }
        settings.holdoutDays = section.optionalInt("holdout_days", 0...60) ?? min(settings.holdoutDays, settings.historyDays / 4)
        if settings.holdoutDays >= settings.historyDays {
            section.report("holdout_days", found: "\(settings.holdoutDays)", expected: "fewer than history_days (\(settings.historyDays))")
        }
        settings.latitudeDegrees = section.optionalDouble("latitude", expected: "degrees north, −90…90") { (-90...90).contains($0) }
        settings.longitudeDegrees = section.optionalDouble("longitude", expected: "degrees east, −180…180") { (-180...180).contains($0) }
        settings.altitudeMetres = section.optionalDouble("altitude_m", expected: "metres above sea level, −500…9000") {
            (-500...9000).contains($0)
        } ?? 0
        settings.weatherPath = section.optionalString("weather", expected: "a CSV file of weather forecasts").map(resolve)
        settings.weatherTimeColumn = section.optionalString("weather_time_column", expected: "the weather file's time column")
        settings.weatherColumns = section.optionalStrings("weather_columns") ?? []
        settings.weatherTimeZone = section.optionalString("weather_timezone", expected: "the zone of the weather file's naive times")
            ?? settings.weatherTimeZone
        if settings.weatherPath == nil, section.has("weather_time_column") || section.has("weather_columns") {
            section.report("weather", "missing, expected the weather file that weather_time_column and weather_columns describe")
        }
        var seen = Set<String>()
        for programme in section.tables("programmes") {
            guard let resource = programme.requiredString("resource", expected: "the id of a DR resource") else { continue }
            if !seen.insert(resource).inserted { programme.report("resource", found: "\"\(resource)\"", expected: "one table per DR resource") }
            let share = programme.optionalDouble("curtailable_share", expected: "a fraction 0…1") { (0...1).contains($0) } ?? 1
            let maximum = programme.optionalDouble("max_curtailment_kw", expected: "kW ≥ 0") { $0 >= 0 }
            settings.programmes.append(.init(resource: resource, curtailableShare: share, maximumCurtailmentKW: maximum,
                                             windows: programme.availabilityWindows("windows")))
            programme.finish()
        }
        section.finish()
        if historian == nil {
            diagnostics.report("forecast", "needs a [historian] section: the forecasts learn from its telemetry and are stored in it")
        }
        return settings
    }
}
