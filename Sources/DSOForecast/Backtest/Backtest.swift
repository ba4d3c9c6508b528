/// A rolling-origin backtest: every forecaster forecasts each test request as of its issue time, the learned
/// ones refitted every `refitDays` on what was known then; P10/P90 bands come from each forecaster's own
/// earlier out-of-sample errors; all are scored on the same hours, beside an optional reference forecast
/// (CAISO's own day-ahead forecast, when the file has it).
public struct Backtest: Sendable {
    /// What to backtest and how.
    public struct Configuration: Sendable {
        public var horizon: ForecastHorizon = .caisoDayAhead
        /// Local days whose hours are scored.
        public var testFrom: LocalDate
        public var testTo: LocalDate
        /// The first fit learns from target days up to this one (default: the day before the warm-up starts).
        public var trainUntil: LocalDate?
        /// Learned forecasters are refitted on everything known at the issue time every this many days.
        public var refitDays = 28
        /// Days forecast before `testFrom`, unscored, so the error bands have out-of-sample errors to start from.
        public var warmupDays = 28
        /// Quantile levels of the bands (P10, P50, P90).
        public var levels: [Double] = [0.1, 0.5, 0.9]
        /// PV capacity for % of capacity (default: the series' maximum).
        public var capacity: Double?
        /// Intraday: train on one issue in this many (the 15-minute issues of a year are many and alike).
        public var intradayTrainingStride = 4

        public init(testFrom: LocalDate, testTo: LocalDate) {
            self.testFrom = testFrom
            self.testTo = testTo
        }
    }

    /// One scored target hour: its time, the actual, each forecaster's P50 and band.
    public struct Hour: Sendable {
        public var issueUnixSeconds: Int64
        public var hourStart: Int64
        public var actual: Double
        public var reference: Double?
        /// By forecaster, in the order of `Result.forecasters`: P50 and the band at `levels`.
        public var medians: [Double]
        public var bands: [[Double]]
    }

    /// Scores, the hours behind them and which forecaster did best.
    public struct Result: Sendable {
        public var forecasters: [String]
        public var baselines: [String]
        public var scores: [ForecastScore]
        public var referenceScore: ForecastScore?
        public var hours: [Hour]
        public var levels: [Double]
        /// The forecaster with the lowest MAPE (load) or RMSE (PV).
        public var best: String
        public var capacity: Double
    }

    public var configuration: Configuration
    public var forecasters: [any Forecaster]
    /// Another forecast of the same series to score beside (e.g. CAISO's day-ahead forecast), with its name.
    public var reference: (name: String, series: HourlySeries)?

    public init(configuration: Configuration, forecasters: [any Forecaster], reference: (name: String, series: HourlySeries)? = nil) {
        self.configuration = configuration
        self.forecasters = forecasters
        self.reference = reference
    }

    public func run(series: HourlySeries, context: ForecastContext,
                    progress: (Double) -> Void = { _ in }) throws(ForecastError) -> Result {
        let configuration = self.configuration
        let zone = context.zone
        guard configuration.testFrom <= configuration.testTo else {
            throw ForecastError("--test \(configuration.testFrom)..\(configuration.testTo): the first day is after the last")
        }
        let firstDay = zone.local(series.startUnixSeconds).day
        let warmupStart = configuration.testFrom.adding(days: -configuration.warmupDays)
        // Training needs two weeks of lags before its first target day.
        let trainFrom = firstDay.adding(days: 15)
        let initialTrainUntil = configuration.trainUntil ?? warmupStart.adding(days: -1)
        guard trainFrom < initialTrainUntil || !forecasters.contains(where: \.isTrained) else {
            throw ForecastError("the series starts \(firstDay): too little history before \(warmupStart) to train on (needs more than 15 days)")
        }
        let requests = configuration.horizon.requests(from: warmupStart, to: configuration.testTo, zone: zone)
        let scoredFrom = zone.unixSeconds(of: configuration.testFrom, hour: 0)
        let scoredUntil = zone.unixSeconds(of: configuration.testTo.adding(days: 1), hour: 0)
        let isPV = context.kind == .pv
        let capacity = configuration.capacity ?? series.values.filter(\.isFinite).max() ?? 1
        var models = forecasters
        var bands = forecasters.map { _ in ResidualQuantiles(levels: configuration.levels, relative: !isPV) }
        var hours: [Hour] = []
        var index = 0
        var nextFit = Int64.min
        while index < requests.count {
            let issue = requests[index].issueUnixSeconds
            if issue >= nextFit {
                let until = nextFit == .min ? min(zone.unixSeconds(of: initialTrainUntil.adding(days: 1), hour: 0), issue) : issue
                let training = trainingRequests(from: trainFrom, knownBy: until, zone: zone)
                for position in models.indices where models[position].isTrained && reused(position, models) == nil {
                    try models[position].train(series: series, context: context, requests: training)
                }
                nextFit = issue + Int64(configuration.refitDays) * 86_400
            }
            var end = index
            while end < requests.count, requests[end].issueUnixSeconds < nextFit { end += 1 }
            let block = Array(requests[index..<end])
            var forecasts: [[[Double]]] = []
            for (position, model) in models.enumerated() {
                if let members = reused(position, models) {
                    // An ensemble of forecasters already run: the mean of their forecasts, without fitting them twice.
                    forecasts.append(EnsembleForecaster.combine(members.map { forecasts[$0] }))
                } else {
                    forecasts.append(try model.forecast(block, series: series, context: context))
                }
            }
            for (offset, request) in block.enumerated() {
                for position in bands.indices { bands[position].learn(knownBy: request.issueUnixSeconds) }
                for (hourIndex, hour) in request.targetHourStarts.enumerated() {
                    let localHour = zone.local(hour).hour
                    let actual = series.value(atHourStart: hour)
                    var medians: [Double] = [], hourBands: [[Double]] = []
                    for position in models.indices {
                        var median = forecasts[position][offset][hourIndex]
                        if isPV, median.isFinite { median = min(max(median, 0), capacity) }
                        medians.append(median)
                        var band = bands[position].quantiles(median: median, localHour: localHour)
                        if isPV { band = band.map { $0.isFinite ? min(max($0, 0), capacity) : $0 } }
                        hourBands.append(band)
                        bands[position].note(hourStart: hour, localHour: localHour, forecast: median, actual: actual)
                    }
                    guard hour >= scoredFrom, hour < scoredUntil else { continue }
                    hours.append(Hour(issueUnixSeconds: request.issueUnixSeconds, hourStart: hour, actual: actual,
                                      reference: reference.map { $0.series.value(atHourStart: hour) },
                                      medians: medians, bands: hourBands))
                }
            }
            index = end
            progress(Double(index) / Double(requests.count))
        }
        return score(hours, models: models, capacity: capacity, isPV: isPV)
    }

    /// For an ensemble listed after all its members, the members' positions (their forecasts are reused).
    func reused(_ position: Int, _ models: [any Forecaster]) -> [Int]? {
        guard let ensemble = models[position] as? EnsembleForecaster else { return nil }
        let positions = ensemble.memberNames.compactMap { name in models[..<position].firstIndex { $0.name == name } }
        return positions.count == ensemble.memberNames.count ? positions : nil
    }

    /// Training requests: the horizon's requests for target days from `from`, all of whose hours had ended by `unixSeconds`.
    func trainingRequests(from: LocalDate, knownBy unixSeconds: Int64, zone: MarketTimeZone) -> [ForecastRequest] {
        let lastDay = zone.local(unixSeconds).day
        var requests = configuration.horizon.requests(from: from, to: lastDay, zone: zone)
            .filter { $0.targetHourStarts.last.map { $0 + 3600 <= unixSeconds } ?? false }
        if case .intraday = configuration.horizon, configuration.intradayTrainingStride > 1 {
            requests = requests.enumerated().filter { $0.offset % configuration.intradayTrainingStride == 0 }.map(\.element)
        }
        return requests
    }

    /// Scores every forecaster on the hours where the actual, every forecaster and the reference have a value.
    func score(_ hours: [Hour], models: [any Forecaster], capacity: Double, isPV: Bool) -> Result {
        let common = hours.filter { hour in
            hour.actual.isFinite && hour.medians.allSatisfy(\.isFinite) && (hour.reference.map(\.isFinite) ?? true)
        }
        let names = models.map(\.name)
        let actuals = common.map(\.actual)
        var scores = names.indices.map { position in
            ForecastScore.score(name: names[position], actuals: actuals, forecasts: common.map { $0.medians[position] },
                                bands: common.map { $0.bands[position] }, levels: configuration.levels,
                                capacity: capacity, isPV: isPV)
        }
        let baselines = models.filter { !$0.isTrained }.map(\.name)
        for position in scores.indices {
            for baseline in baselines {
                guard let reference = scores.first(where: { $0.forecaster == baseline }), reference.rmse > 0 else { continue }
                scores[position].skillPercent[baseline] = 100 * (1 - scores[position].rmse / reference.rmse)
            }
        }
        let referenceScore = reference.map { reference in
            ForecastScore.score(name: reference.name, actuals: actuals, forecasts: common.map { $0.reference ?? .nan },
                                bands: nil, levels: configuration.levels, capacity: capacity, isPV: isPV)
        }
        let best = scores.min { isPV ? $0.rmse < $1.rmse : $0.mapePercent < $1.mapePercent }?.forecaster ?? ""
        return Result(forecasters: names, baselines: baselines, scores: scores, referenceScore: referenceScore,
                      hours: hours, levels: configuration.levels, best: best, capacity: capacity)
    }
}
