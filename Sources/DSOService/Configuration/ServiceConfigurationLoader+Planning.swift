import DSOPlanning
import DSOScenario

/// `[planning]`: the day-ahead planner and the intraday re-planner inside `dsod run` (docs/configuration.md).
extension ServiceConfigurationLoader {
    func readPlanning(simulated: Bool, forecast: Bool) -> ServiceConfiguration.PlanningConfiguration? {
        guard let section = root.subtable("planning") else { return nil }
        let path = section.requiredString("prices", expected: "a CSV file of prices (a forecast or the day-ahead market's)").map(resolve)
        var columns = PriceFile.Columns(energy: section.requiredString("energy_column", expected: "the price file's energy column, $/MWh") ?? "")
        columns.time = section.optionalString("price_time_column", expected: "the price file's time column")
        if let stamp = section.optionalString("price_stamp", expected: "start or end") {
            if ["start", "end"].contains(stamp) { columns.stamp = stamp } else { section.report("price_stamp", found: "\"\(stamp)\"", expected: "start or end") }
        }
        columns.timeZone = section.optionalString("price_timezone", expected: "the zone of the price file's naive times") ?? "UTC"
        columns.regulationUp = section.optionalString("regulation_up_column", expected: "a regulation-up price column")
        columns.regulationDown = section.optionalString("regulation_down_column", expected: "a regulation-down price column")
        columns.regulationUpPrice = section.optionalDouble("regulation_up_price", expected: "$/MW per hour ≥ 0") { $0 >= 0 } ?? 0
        columns.regulationDownPrice = section.optionalDouble("regulation_down_price", expected: "$/MW per hour ≥ 0") { $0 >= 0 } ?? 0
        columns.spinningPrice = section.optionalDouble("spinning_price", expected: "$/MW per hour ≥ 0") { $0 >= 0 } ?? 0
        var interval = section.optionalInt("interval_minutes", 15...60) ?? 60
        if ![15, 60].contains(interval) {
            section.report("interval_minutes", found: "\(interval)", expected: "60 (the day-ahead market's hours) or 15")
            interval = 60
        }
        var replan = section.optionalInt("replan_minutes", 0...60) ?? 15
        if replan != 0 && 60 % replan != 0 {
            section.report("replan_minutes", found: "\(replan)", expected: "0 (no re-plans) or a divisor of 60 (5, 15, 30…)")
            replan = 15
        }
        var rtd = section.optionalInt("rtd_minutes", 0...15) ?? 0
        if ![0, 5, 10, 15].contains(rtd) {
            section.report("rtd_minutes", found: "\(rtd)", expected: "0 (no real-time re-plans), 5, 10 or 15")
            rtd = 0
        }
        let notification = section.optionalDouble("dr_notification_minutes", expected: "minutes ≥ 0") { $0 >= 0 } ?? 30
        var settings = PlanningSettings()
        settings.regulationSustainMinutes = section.optionalDouble("regulation_sustain_minutes", expected: "minutes > 0") { $0 > 0 }
            ?? settings.regulationSustainMinutes
        section.finish()
        if !forecast && !simulated {
            diagnostics.report("planning", "needs a [forecast] section with real devices: the plans are made on its forecasts")
        }
        guard let path, !columns.energy.isEmpty else { return nil }
        do {
            var configuration = ServiceConfiguration.PlanningConfiguration(prices: try PriceFile(path: path, columns: columns),
                                                                           intervalMinutes: interval, replanMinutes: replan, settings: settings)
            configuration.rtdMinutes = rtd
            configuration.drNotificationMinutes = notification
            return configuration
        } catch {
            section.report("prices", error.description)
            return nil
        }
    }
}
