import Dispatch
import DSOForecast
import DSOHistorian
import DSOKernel
import DSOModel
import DSOService
import DSOStatusSchema
import Foundation

/// The forecast layer in `dsod run`: on its own queue, never the control queue, it refreshes every target on
/// the wall-clock grid of `refresh_minutes` (trained once a day at the day-ahead deadline, day-ahead once per
/// operating day, intraday every refresh) from the historian's telemetry, stores each forecast in the
/// historian and publishes it on the board the scheduler reads.
final class ForecastComponent: ServiceComponent, @unchecked Sendable {
    // Sendable: `refresher`, `timer`, `lastProblems` and `stopping` are touched only on `queue` (start and stop
    // hop onto it); the rest is immutable or Sendable.
    let name = "forecast"
    let board = ForecastBoard()
    private var refresher: ForecastRefresher
    private let historian: Historian
    private let log: ServiceLog
    private let queue = DispatchQueue(label: "forecast", qos: .utility)
    private var timer: (any DispatchSourceTimer)?
    private var lastProblems: [String] = []
    private var stopping = false
    /// Seconds after start of the first refresh: the historian has begun its run and committed a batch.
    static let firstRefreshDelaySeconds = 2.0

    init(refresher: ForecastRefresher, historian: Historian, log: ServiceLog) {
        self.refresher = refresher
        self.historian = historian
        self.log = log
    }

    func start(kernel: ControlKernel) throws {
        let settings = refresher.engine.settings
        let kinds = Dictionary(grouping: refresher.targets, by: \.kind.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
        log.notice("forecast: \(refresher.targets.count) targets (\(kinds.joined(separator: ", "))), \(settings.forecaster), day-ahead at \(String(format: "%02d:%02d", settings.dayAheadIssueHour, settings.dayAheadIssueMinute)) \(settings.zone.identifier), intraday \(settings.intradayHours) h every \(settings.refreshMinutes) min, \(settings.historyDays) days of history")
        queue.sync {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let period = Double(settings.refreshMinutes * 60)
            // The first soon after start, then one second past each point of the wall-clock grid (…:00, :15…).
            timer.schedule(deadline: .now() + Self.firstRefreshDelaySeconds, repeating: .never)
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.refresh()
                let wait = max(1, (WallClock.nowUnixSeconds() / period).rounded(.down) * period + period + 1 - WallClock.nowUnixSeconds())
                self.timer?.schedule(deadline: .now() + wait, repeating: .never)
            }
            self.timer = timer
            timer.resume()
        }
    }

    /// One refresh now: read the history, forecast, store and publish; problems logged when they change.
    func refresh() {
        guard !stopping else { return }
        let started = Date()
        let now = Int64(WallClock.nowUnixSeconds())
        let span = refresher.engine.span(nowUnixSeconds: now)
        let measured: [HourlyTelemetry]
        do {
            measured = try historian.hourlyTelemetry(fromUnixSeconds: span.startUnixSeconds, toUnixSeconds: now)
        } catch {
            log.error("forecast: cannot read the history: \(error); the previous forecasts stay")
            return
        }
        let round = refresher.refresh(measured: measured.map(MeasuredHour.init), nowUnixSeconds: now)
        for forecast in round.forecasts { historian.record(.forecast(forecast, wallTimeSeconds: Double(now))) }
        board.publish(round.forecasts)
        let seconds = Date().timeIntervalSince(started)
        let dayAhead = round.forecasts.filter { $0.horizon == ForecastIssueHorizon.dayAhead.rawValue }
        if !round.trainedTargets.isEmpty {
            log.info("forecast: trained \(round.trainedTargets.count) targets: \(Self.forecasterCounts(refresher.trained.values.map(\.forecaster.name)))")
        }
        if let first = dayAhead.first, let hour = first.hours.first {
            log.notice("forecast: day-ahead for the day from \(UTCTimestamp.text(unixSeconds: Double(hour.startUnixSeconds))) issued for \(dayAhead.count) targets in \(String(format: "%.2f", seconds)) s")
        } else {
            log.info("forecast: intraday for \(round.forecasts.count) targets in \(String(format: "%.2f", seconds)) s")
        }
        if round.problems != lastProblems {
            for problem in round.problems { log.warning("forecast: \(problem)") }
            lastProblems = round.problems
        }
    }

    private static func forecasterCounts(_ names: [String]) -> String {
        Dictionary(grouping: names, by: { $0 }).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")
    }

    func stop() {
        // A refresh in flight finishes on its own; what it stores after the historian stops is refused and counted.
        queue.async { [self] in
            stopping = true
            timer?.cancel()
            timer = nil
        }
    }
}

extension MeasuredHour {
    init(_ hour: HourlyTelemetry) {
        self.init(resource: hour.resource, hourStartUnixSeconds: hour.hourStartUnixSeconds, meanMeasuredKW: hour.meanMeasuredKW,
                  meanSetpointKW: hour.meanSetpointKW, samples: hour.samples)
    }
}
