/// A target ready to forecast: its forecaster fitted on the latest history and the out-of-sample errors
/// that give its P10/P90 bands, one set per horizon (day-ahead errors are wider than intraday ones).
public struct TrainedTarget: Sendable {
    public var target: ForecastTarget
    public var forecaster: any Forecaster
    public var dayAheadBands: ResidualQuantiles
    public var intradayBands: ResidualQuantiles
    /// When it was trained, seconds since 1970 UTC.
    public var trainedAtUnixSeconds: Int64
    /// Whole local days of history it could use.
    public var historyDays: Int

    /// The forecasters tried for a kind, the wanted one first, each with the days of history it needs:
    /// learned ones two weeks of lags, a week to learn from and a week to earn their bands on; similar days a
    /// week; same hour last week eight days; persistence two.
    static func ladder(wanted: String, kind: ForecastContext.Kind) -> [(name: String, days: Int)] {
        let learnedDays = ForecastEngine.lagDays + ForecastEngine.minimumTrainingDays + ForecastEngine.minimumHoldoutDays
        let baselines: [(name: String, days: Int)] = kind == .pv
            ? [("clear-sky-persistence", 2), ("persistence", 2)]
            : [("similar-day", 7), ("seasonal-naive", 8), ("persistence", 2)]
        let wantedDays = ForecasterCatalog.learnedNames.contains(wanted) ? learnedDays
            : baselines.first { $0.name == wanted }?.days ?? learnedDays
        return [(wanted, wantedDays)] + baselines.filter { $0.name != wanted }
    }
}

extension ForecastEngine {
    /// Days before a learned forecaster's first training day (its features reach back two weeks).
    static let lagDays = 15
    static let minimumTrainingDays = 7
    static let minimumHoldoutDays = 7

    /// Fits `target`'s forecaster on `series` as known at `now`: the wanted one if the history allows,
    /// else the best baseline it does (throws when not even persistence has two days). Its bands come from a
    /// hold-out of the latest days: a fit without them forecasts each as of its own issue time (day-ahead at
    /// the deadline, intraday every hour), then the forecaster is refitted on everything.
    public func train(_ target: ForecastTarget, series: HourlySeries, clearSky: ClearSkyReference?,
                      nowUnixSeconds now: Int64) throws(ForecastError) -> TrainedTarget {
        let zone = settings.zone
        let context = context(for: target, clearSky: clearSky)
        let today = zone.local(now).day
        guard let first = series.values.firstIndex(where: { !$0.isNaN }) else {
            throw ForecastError("\(target.id): no measured hour in the last \(settings.historyDays) days")
        }
        // The first local day wholly inside the series, to the last whole day before today.
        let firstDay = zone.local(series.hourStart(first) + 86_400 - 3600).day
        let days = max(0, Int(today.daysSince1970 - firstDay.daysSince1970))
        if target.kind == .pv && clearSky == nil {
            throw ForecastError("\(target.id): a PV target needs the site ([forecast] latitude and longitude) for its clear sky")
        }
        guard let (name, needed) = TrainedTarget.ladder(wanted: settings.forecaster, kind: context.kind)
            .first(where: { $0.days <= days }) else {
            throw ForecastError("\(target.id): \(days) whole days of history; even persistence needs 2")
        }
        var forecaster = try ForecasterCatalog.make([name], kind: context.kind)[0]
        let holdout = min(settings.holdoutDays, days - needed + (forecaster.isTrained ? Self.minimumHoldoutDays : 0))
        let holdoutFrom = today.adding(days: -max(holdout, 0))
        let trainFrom = firstDay.adding(days: Self.lagDays)
        var dayAheadBands = ResidualQuantiles(levels: settings.levels, relative: context.kind == .load)
        var intradayBands = dayAheadBands
        if holdout > 0 {
            if forecaster.isTrained {
                try forecaster.train(series: series, context: context,
                                     requests: trainingRequests(from: trainFrom, to: holdoutFrom.adding(days: -1)))
            }
            let dayAhead = ForecastHorizon.dayAhead(issueHour: settings.dayAheadIssueHour, issueMinute: settings.dayAheadIssueMinute)
                .requests(from: holdoutFrom, to: today.adding(days: -1), zone: zone)
            let intraday = ForecastHorizon.intraday(hours: settings.intradayHours, everyMinutes: 60)
                .requests(from: holdoutFrom, to: today.adding(days: -1), zone: zone)
                .filter { $0.targetHourStarts.last! + 3600 <= now }
            try note(dayAhead, into: &dayAheadBands, forecaster: forecaster, series: series, context: context, target: target)
            try note(intraday, into: &intradayBands, forecaster: forecaster, series: series, context: context, target: target)
            dayAheadBands.learn(knownBy: now)
            intradayBands.learn(knownBy: now)
        }
        if forecaster.isTrained {
            try forecaster.train(series: series, context: context, requests: trainingRequests(from: trainFrom, to: today.adding(days: -1)))
        }
        return TrainedTarget(target: target, forecaster: forecaster, dayAheadBands: dayAheadBands,
                             intradayBands: intradayBands, trainedAtUnixSeconds: now, historyDays: days)
    }

    /// Day-ahead requests whose targets are the local days `from…to` (what the learned forecasters fit on).
    private func trainingRequests(from: LocalDate, to: LocalDate) -> [ForecastRequest] {
        ForecastHorizon.dayAhead(issueHour: settings.dayAheadIssueHour, issueMinute: settings.dayAheadIssueMinute)
            .requests(from: from, to: to, zone: settings.zone)
    }

    /// Forecasts `requests` and remembers each hour's error (clipped like an issued forecast).
    private func note(_ requests: [ForecastRequest], into bands: inout ResidualQuantiles, forecaster: any Forecaster,
                      series: HourlySeries, context: ForecastContext, target: ForecastTarget) throws(ForecastError) {
        guard !requests.isEmpty else { return }
        let forecasts = try forecaster.forecast(requests, series: series, context: context)
        for (request, medians) in zip(requests, forecasts) {
            for (hour, median) in zip(request.targetHourStarts, medians) {
                let clipped = target.kind == .pv ? min(max(median, 0), target.capacityKW) : max(median, 0)
                bands.note(hourStart: hour, localHour: settings.zone.local(hour).hour, forecast: clipped,
                           actual: series.value(atHourStart: hour))
            }
        }
    }
}
