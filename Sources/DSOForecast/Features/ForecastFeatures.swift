import Foundation

/// The features a learned forecaster sees for a target hour, all known at the request's issue time: the
/// local calendar (hour, weekday, holiday, season), lags of the series that had ended by the issue time,
/// the lead time, and weather at the target hour (a forecast; observed weather in backtests).
public struct ForecastFeatures: Sendable {
    /// One-hot hour and weekday columns (for linear models; trees read `hour` and `weekday` directly).
    public var oneHotCalendar: Bool

    public init(oneHotCalendar: Bool) {
        self.oneHotCalendar = oneHotCalendar
    }

    /// The column holding the similar-day baseline (learned forecasters fall back to it).
    public static let similarDaysColumn = "similar_days"

    /// Column names for `context` (weather columns depend on what it carries).
    public func names(context: ForecastContext) -> [String] {
        var names: [String] = []
        if oneHotCalendar {
            names += (0..<24).map { "hour_\($0)" } + (0..<7).map { "weekday_\($0)" }
        } else {
            names += ["hour", "weekday"]
        }
        names += ["holiday", "working_day", "season_sin", "season_cos", "lead_hours",
                  "same_hour_latest", "same_hour_two_days", "same_hour_three_days", "same_hour_week", "same_hour_two_weeks", Self.similarDaysColumn,
                  "last_known", "last_known_day_mean", "last_known_day_max"]
        if context.kind == .pv, context.clearSky != nil {
            names += ["clear_sky", "index_latest", "index_last_known_day_mean"]
        }
        for (name, _) in context.weather {
            names += ["\(name)", "\(name)_day_mean", "\(name)_day_max"]
            if context.kind == .load { names += ["\(name)_cooling", "\(name)_heating"] }
        }
        return names
    }

    /// One row per target hour of each request, in order.
    public func matrix(_ requests: [ForecastRequest], series: HourlySeries, context: ForecastContext) -> FeatureMatrix {
        var matrix = FeatureMatrix(names: names(context: context))
        let similar = SimilarDayForecaster()
        let zone = context.zone
        for request in requests {
            let view = IssueTimeView(series, issueUnixSeconds: request.issueUnixSeconds)
            let lastKnown = view.lastKnownHourStart
            let lastDay = (0..<24).map { view.value(atHourStart: lastKnown - Int64($0) * 3600) }.filter { !$0.isNaN }
            let similarValues = similar.forecast([request], series: series, context: context)[0]
            var weatherDay: [LocalDate: [(mean: Double, max: Double)]] = [:]
            for (index, hour) in request.targetHourStarts.enumerated() {
                let local = zone.local(hour)
                var row: [Double] = []
                row.reserveCapacity(matrix.columnCount)
                if oneHotCalendar {
                    row += (0..<24).map { $0 == local.hour ? 1 : 0 }
                    row += (0..<7).map { $0 == local.day.weekday ? 1 : 0 }
                } else {
                    row += [Double(local.hour), Double(local.day.weekday)]
                }
                let angle = 2 * Double.pi * Double(local.day.dayOfYear) / 365.25
                row += [HolidayCalendar.isHoliday(local.day) ? 1 : 0, SimilarDayForecaster.isWorkingDay(local.day) ? 1 : 0,
                        sin(angle), cos(angle), Double(hour - request.issueUnixSeconds) / 3600,
                        view.latestSameHour(before: hour), view.value(atHourStart: hour - 2 * 86_400),
                        view.value(atHourStart: hour - 3 * 86_400), view.value(atHourStart: hour - 7 * 86_400),
                        view.value(atHourStart: hour - 14 * 86_400), similarValues[index],
                        view.value(atHourStart: lastKnown),
                        lastDay.isEmpty ? .nan : lastDay.reduce(0, +) / Double(lastDay.count),
                        lastDay.max() ?? .nan]
                if context.kind == .pv, let reference = context.clearSky {
                    let clearSky = reference.clearSky(atHourStart: hour)
                    let latest = reference.latestIndex(sameHourAs: hour, in: view)
                    let dayIndices = (0..<24).map { offset -> Double in
                        let earlier = lastKnown - Int64(offset) * 3600
                        return reference.index(measured: view.value(atHourStart: earlier), atHourStart: earlier)
                    }.filter(\.isFinite)
                    // The clear-sky column doubles as the scale the PV model learns its index against: NaN at low sun.
                    row += [reference.indexable.value(atHourStart: hour) == 1 ? clearSky : .nan, latest,
                            dayIndices.isEmpty ? .nan : dayIndices.reduce(0, +) / Double(dayIndices.count)]
                }
                if !context.weather.isEmpty {
                    let daily = weatherDay[local.day] ?? context.weather.map { _, weather in
                        let values = zone.hourStarts(of: local.day).map { weather.value(atHourStart: $0) }.filter { !$0.isNaN }
                        return values.isEmpty ? (.nan, .nan) : (values.reduce(0, +) / Double(values.count), values.max()!)
                    }
                    weatherDay[local.day] = daily
                    for (position, (_, weather)) in context.weather.enumerated() {
                        let value = weather.value(atHourStart: hour)
                        row += [value, daily[position].mean, daily[position].max]
                        if context.kind == .load { row += [max(0, value - 18), max(0, 15 - value)] }
                    }
                }
                matrix.append(row: row)
            }
        }
        return matrix
    }

    /// The observed values at each target hour of each request, flattened in matrix order.
    public static func targets(_ requests: [ForecastRequest], series: HourlySeries) -> [Double] {
        requests.flatMap { $0.targetHourStarts.map { series.value(atHourStart: $0) } }
    }
}
