import DSOModel
public import DSOStatusSchema

/// The forecasts a running DSO issues: each target trained once a day on the history the historian kept, its
/// P10/P90 bands earned on a hold-out of its own latest days, then a day-ahead forecast at the bid deadline and
/// an intraday one every refresh — the numbers the scheduler plans with (docs/forecast.md, "In the service").
public struct ForecastEngine: Sendable {
    public var settings: ForecastSettings

    public init(settings: ForecastSettings) {
        self.settings = settings
    }

    /// The hours a round's series span: `historyDays` back from now's hour to the end of the operating day the
    /// day-ahead forecast covers (NaN after now), so both horizons' target hours are inside.
    public func span(nowUnixSeconds now: Int64) -> (startUnixSeconds: Int64, count: Int) {
        let start = (now / 3600) * 3600 - Int64(settings.historyDays) * 86_400
        let dayAheadEnd = settings.zone.unixSeconds(of: dayAheadIssue(nowUnixSeconds: now).day.adding(days: 1), hour: 0)
        let intradayEnd = intradayRequest(nowUnixSeconds: now).targetHourStarts.last.map { $0 + 3600 } ?? dayAheadEnd
        return (start, Int((max(dayAheadEnd, intradayEnd) - start) / 3600))
    }

    /// The day-ahead forecast due by `now`: for tomorrow (local) issued at today's deadline once it has passed;
    /// before it, for today, issued now (a late forecast, as after a restart in the small hours).
    public func dayAheadIssue(nowUnixSeconds now: Int64) -> (issueUnixSeconds: Int64, day: LocalDate) {
        let zone = settings.zone
        let today = zone.local(now).day
        let deadline = zone.unixSeconds(of: today, hour: settings.dayAheadIssueHour, minute: settings.dayAheadIssueMinute)
        return now >= deadline ? (deadline, today.adding(days: 1)) : (now, today)
    }

    /// The latest day-ahead deadline at or before `now` (the forecasters are retrained once it passes).
    public func latestDeadline(nowUnixSeconds now: Int64) -> Int64 {
        let zone = settings.zone
        let today = zone.local(now).day
        let deadline = zone.unixSeconds(of: today, hour: settings.dayAheadIssueHour, minute: settings.dayAheadIssueMinute)
        return now >= deadline ? deadline
            : zone.unixSeconds(of: today.adding(days: -1), hour: settings.dayAheadIssueHour, minute: settings.dayAheadIssueMinute)
    }

    /// The intraday forecast at `now`: issued on the refresh grid, for the next `intradayHours` whole hours.
    public func intradayRequest(nowUnixSeconds now: Int64) -> ForecastRequest {
        let step = Int64(settings.refreshMinutes * 60)
        let issue = (now / step) * step
        let firstHour = (issue / 3600 + 1) * 3600
        return ForecastRequest(issueUnixSeconds: issue,
                               targetHourStarts: (0..<settings.intradayHours).map { firstHour + Int64($0) * 3600 })
    }

    /// The site's clear sky over a round's span (nil without a site: no PV target can then be forecast from
    /// the sun). Computed once per round and shared by every PV target.
    public func clearSky(startUnixSeconds: Int64, count: Int) -> ClearSkyReference? {
        settings.site.map { ClearSkyReference(site: $0, model: settings.clearSkyModel, startUnixSeconds: startUnixSeconds, count: count) }
    }

    /// What the forecasters of `target` may know besides its series.
    public func context(for target: ForecastTarget, clearSky: ClearSkyReference?) -> ForecastContext {
        var context = ForecastContext(kind: target.kind.seriesKind, zone: settings.zone, weather: settings.weather)
        if target.kind == .pv { context.clearSky = clearSky }
        return context
    }

    /// A forecast for `trained`'s target: P50 from its forecaster, P10/P90 from its bands for the horizon (nil
    /// until they have enough errors), clipped to what the target can physically be; a DR programme's
    /// baseline quantiles turned into its available curtailment.
    public func issue(_ trained: TrainedTarget, request: ForecastRequest, horizon: ForecastIssueHorizon,
                      series: HourlySeries, clearSky: ClearSkyReference?) throws(ForecastError) -> ForecastDocument {
        let target = trained.target
        let context = context(for: target, clearSky: clearSky)
        let medians = try trained.forecaster.forecast([request], series: series, context: context)[0]
        let bands = horizon == .dayAhead ? trained.dayAheadBands : trained.intradayBands
        let zone = settings.zone
        var p10: [Double] = [], p50: [Double] = [], p90: [Double] = []
        for (hour, median) in zip(request.targetHourStarts, medians) {
            let clipped = clip(median, target)
            let band = bands.quantiles(median: clipped, localHour: zone.local(hour).hour).map { clip($0, target) }
            p10.append(band[0])
            p50.append(clipped)
            p90.append(band[band.count - 1])
        }
        let baseline = target.programme == nil ? nil : p50
        if let programme = target.programme {
            let hours = request.targetHourStarts
            (p10, p50, p90) = (programme.availableKW(baselineKW: p10, hourStarts: hours, zone: zone),
                               programme.availableKW(baselineKW: p50, hourStarts: hours, zone: zone),
                               programme.availableKW(baselineKW: p90, hourStarts: hours, zone: zone))
        }
        let hours = request.targetHourStarts.indices.map { index in
            ForecastHour(startUnixSeconds: request.targetHourStarts[index], p10KW: p10[index].finiteOrNil,
                         p50KW: p50[index].finiteOrNil, p90KW: p90[index].finiteOrNil, baselineKW: baseline?[index].finiteOrNil)
        }
        return ForecastDocument(target: target.id, kind: target.kind.rawValue, interfacePoint: target.interfacePoint,
                                horizon: horizon.rawValue, forecaster: trained.forecaster.name,
                                issueUnixSeconds: request.issueUnixSeconds,
                                issued: UTCTimestamp.text(unixSeconds: Double(request.issueUnixSeconds)), hours: hours)
    }

    /// Consumption and generation are never negative; PV never above its inverters.
    private func clip(_ value: Double, _ target: ForecastTarget) -> Double {
        guard value.isFinite else { return value }
        return target.kind == .pv ? min(max(value, 0), target.capacityKW) : max(value, 0)
    }
}

/// The two forecasts the service issues.
public enum ForecastIssueHorizon: String, Sendable, CaseIterable {
    case dayAhead = "day-ahead"
    case intraday
}

extension Double {
    /// NaN (no forecast) becomes nil in JSON and SQL.
    var finiteOrNil: Double? { isFinite ? self : nil }
}
