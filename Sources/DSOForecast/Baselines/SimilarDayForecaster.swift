/// Similar days, X of Y: the mean of the same local hour over the most recent `x` days of the same kind
/// (working day, or weekend/holiday) fully known at issue time, looking back at most `lookbackDays` — the
/// shape of CAISO's 10-in-10 demand-response baseline (4-in-4 for weekends and holidays), without the
/// day-of adjustment.
public struct SimilarDayForecaster: Forecaster {
    public let name: String
    public let workingDays: Int
    public let weekendDays: Int
    public let lookbackDays: Int

    public init(workingDays: Int = 10, weekendDays: Int = 4, lookbackDays: Int = 45) {
        self.workingDays = workingDays
        self.weekendDays = weekendDays
        self.lookbackDays = lookbackDays
        name = workingDays == 10 && weekendDays == 4 ? "similar-day" : "similar-day-\(workingDays)of\(weekendDays)"
    }

    static func isWorkingDay(_ day: LocalDate) -> Bool {
        (1...5).contains(day.weekday) && !HolidayCalendar.isHoliday(day)
    }

    public func forecast(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) -> [[Double]] {
        let zone = context.zone
        return requests.map { request in
            let view = IssueTimeView(series, issueUnixSeconds: request.issueUnixSeconds)
            var daysByTarget: [LocalDate: [LocalDate]] = [:]
            return request.targetHourStarts.map { hour in
                let local = zone.local(hour)
                let similar = daysByTarget[local.day] ?? similarDays(to: local.day, view: view, zone: zone)
                daysByTarget[local.day] = similar
                let values = similar.map { view.value(atHourStart: zone.unixSeconds(of: $0, hour: local.hour)) }.filter { !$0.isNaN }
                return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            }
        }
    }

    /// The most recent days of the target's kind, every hour of which was known at issue time.
    func similarDays(to target: LocalDate, view: IssueTimeView, zone: MarketTimeZone) -> [LocalDate] {
        let working = Self.isWorkingDay(target)
        let wanted = working ? workingDays : weekendDays
        var days: [LocalDate] = []
        for back in 1...lookbackDays {
            let day = target.adding(days: -back)
            guard Self.isWorkingDay(day) == working else { continue }
            guard view.isKnown(hourStart: zone.unixSeconds(of: day.adding(days: 1), hour: 0) - 3600) else { continue }
            days.append(day)
            if days.count == wanted { break }
        }
        return days
    }
}
