/// One forecast to make: when it is issued and which hours it covers (UTC hour starts). Everything a
/// forecaster uses must have been known at `issueUnixSeconds`.
public struct ForecastRequest: Sendable, Hashable {
    public let issueUnixSeconds: Int64
    public let targetHourStarts: [Int64]

    public init(issueUnixSeconds: Int64, targetHourStarts: [Int64]) {
        self.issueUnixSeconds = issueUnixSeconds
        self.targetHourStarts = targetHourStarts
    }
}

/// When forecasts are issued: day-ahead (once a day at a local time, for the next local day, as CAISO's
/// day-ahead market needs by 10:00) or intraday (every few minutes for the next hours).
public enum ForecastHorizon: Sendable, Hashable {
    case dayAhead(issueHour: Int, issueMinute: Int)
    case intraday(hours: Int, everyMinutes: Int)

    public static let caisoDayAhead = ForecastHorizon.dayAhead(issueHour: 10, issueMinute: 0)

    /// The requests whose targets fall on local days `from…to` (day-ahead: one per day, issued the day before;
    /// intraday: every `everyMinutes` from the first day's start, each for the next `hours` whole hours).
    public func requests(from: LocalDate, to: LocalDate, zone: MarketTimeZone) -> [ForecastRequest] {
        guard from <= to else { return [] }
        switch self {
        case .dayAhead(let hour, let minute):
            return (0...Int(to.daysSince1970 - from.daysSince1970)).map { offset in
                let day = from.adding(days: offset)
                return ForecastRequest(issueUnixSeconds: zone.unixSeconds(of: day.adding(days: -1), hour: hour, minute: minute),
                                       targetHourStarts: zone.hourStarts(of: day))
            }
        case .intraday(let hours, let everyMinutes):
            let start = zone.unixSeconds(of: from, hour: 0)
            let end = zone.unixSeconds(of: to.adding(days: 1), hour: 0)
            let step = Int64(everyMinutes * 60)
            return stride(from: start, to: end, by: Int(step)).map { issue in
                let firstHour = (issue / 3600 + 1) * 3600
                return ForecastRequest(issueUnixSeconds: issue,
                                       targetHourStarts: (0..<hours).map { firstHour + Int64($0) * 3600 })
            }
        }
    }
}
