public import DSOStatusSchema

/// The service's forecast schedule for all its targets: trains every target once a day when the day-ahead
/// deadline passes (and at start), issues the day-ahead forecast once per operating day and an intraday one at
/// every refresh. A target that cannot be trained (too little history, no site for PV) is reported and tried
/// again at the next refresh; the others go on.
public struct ForecastRefresher: Sendable {
    public let engine: ForecastEngine
    public let targets: [ForecastTarget]
    public var history: TargetHistory
    /// Trained targets by id.
    public private(set) var trained: [String: TrainedTarget] = [:]
    /// The operating day of the latest day-ahead forecast issued.
    public private(set) var lastDayAhead: LocalDate?
    /// The latest day-ahead deadline the trainings have seen (retrain when a newer one passes).
    private var trainedForDeadline: Int64 = .min
    /// The clear sky, computed at a training for a span that later rounds reuse while it covers theirs.
    private var clearSky: ClearSkyReference?

    public init(engine: ForecastEngine, targets: [ForecastTarget], history: TargetHistory) {
        self.engine = engine
        self.targets = targets
        self.history = history
    }

    /// What one refresh did.
    public struct Round: Sendable {
        /// Day-ahead forecasts (when one was due) then intraday ones, in target order.
        public var forecasts: [ForecastDocument] = []
        /// Targets (re)trained in this round.
        public var trainedTargets: [String] = []
        /// One line per target that could not be trained or forecast, naming it and why.
        public var problems: [String] = []
        /// What building the series repaired, by target.
        public var repairs: [String: TargetHistory.Repairs] = [:]
    }

    /// One refresh at `now` from the meters' hourly means since `engine.span(now).start`.
    public mutating func refresh(measured: [MeasuredHour], nowUnixSeconds now: Int64) -> Round {
        var round = Round()
        let span = engine.span(nowUnixSeconds: now)
        let (deadline, day) = engine.dayAheadIssue(nowUnixSeconds: now)
        let passed = engine.latestDeadline(nowUnixSeconds: now)
        let retrain = passed > trainedForDeadline
        if retrain || !covers(span) {
            // Two days beyond the span, so the rounds until the next training reuse it.
            clearSky = engine.clearSky(startUnixSeconds: span.startUnixSeconds, count: span.count + 48)
        }
        var series: [String: HourlySeries] = [:]
        var byResource: [Int: [MeasuredHour]] = [:]
        for hour in measured { byResource[hour.resource, default: []].append(hour) }
        for target in targets {
            let rows = target.resources.flatMap { byResource[$0] ?? [] }
            let built = history.series(for: target, measured: rows, startUnixSeconds: span.startUnixSeconds, count: span.count)
            series[target.id] = built.series
            round.repairs[target.id] = built.repairs
            guard retrain || trained[target.id] == nil else { continue }
            do {
                trained[target.id] = try engine.train(target, series: built.series, clearSky: clearSky, nowUnixSeconds: now)
                round.trainedTargets.append(target.id)
            } catch {
                trained[target.id] = nil
                round.problems.append("\(error)")
            }
        }
        if retrain { trainedForDeadline = passed }
        var horizons: [(ForecastIssueHorizon, ForecastRequest)] = []
        if lastDayAhead != day {
            horizons.append((.dayAhead, ForecastRequest(issueUnixSeconds: deadline,
                                                        targetHourStarts: engine.settings.zone.hourStarts(of: day))))
        }
        horizons.append((.intraday, engine.intradayRequest(nowUnixSeconds: now)))
        for (horizon, request) in horizons {
            for target in targets {
                guard let model = trained[target.id], let targetSeries = series[target.id] else { continue }
                do {
                    round.forecasts.append(try engine.issue(model, request: request, horizon: horizon, series: targetSeries,
                                                            clearSky: clearSky))
                } catch {
                    round.problems.append("\(target.id): \(horizon.rawValue): \(error)")
                }
            }
            if horizon == .dayAhead && round.forecasts.contains(where: { $0.horizon == horizon.rawValue }) { lastDayAhead = day }
        }
        return round
    }

    private func covers(_ span: (startUnixSeconds: Int64, count: Int)) -> Bool {
        guard let clearSky else { return engine.settings.site == nil }
        return clearSky.values.startUnixSeconds <= span.startUnixSeconds
            && clearSky.values.endUnixSeconds >= span.startUnixSeconds + Int64(span.count) * 3600
    }
}
