/// Quantiles from out-of-sample errors: P10/P90 around a P50 are the P50 scaled (load) or shifted (PV) by the
/// empirical quantiles of the errors the same forecaster made, at the same local hour, on the hours that had
/// been observed by the issue time — so the scheduler can hedge with bands that were earned, not assumed.
public struct ResidualQuantiles: Sendable {
    /// Probability levels, e.g. [0.1, 0.5, 0.9].
    public let levels: [Double]
    /// Errors are ratios (actual / forecast − 1) for load, differences for PV (whose zero nights make ratios useless).
    public let relative: Bool
    /// How many recent errors per local hour are kept.
    public let window: Int
    private var errors: [[Double]] = Array(repeating: [], count: 24)
    private var pending: [(hourStart: Int64, localHour: Int, forecast: Double, actual: Double)] = []

    public init(levels: [Double], relative: Bool, window: Int = 60) {
        self.levels = levels
        self.relative = relative
        self.window = window
    }

    /// Remembers a forecast whose error becomes usable once its hour has been observed.
    public mutating func note(hourStart: Int64, localHour: Int, forecast: Double, actual: Double) {
        guard forecast.isFinite, actual.isFinite else { return }
        pending.append((hourStart, localHour, forecast, actual))
    }

    /// Moves into the error windows every noted hour that had ended by `unixSeconds`.
    public mutating func learn(knownBy unixSeconds: Int64) {
        var remaining: [(hourStart: Int64, localHour: Int, forecast: Double, actual: Double)] = []
        for item in pending {
            guard item.hourStart + 3600 <= unixSeconds else { remaining.append(item); continue }
            let error = relative ? (item.forecast.magnitude < 1e-9 ? .nan : item.actual / item.forecast - 1)
                                 : item.actual - item.forecast
            guard error.isFinite else { continue }
            errors[item.localHour].append(error)
            if errors[item.localHour].count > window { errors[item.localHour].removeFirst() }
        }
        pending = remaining
    }

    /// Whether there are enough errors at `localHour` to give a band (at least 10).
    public func isReady(localHour: Int) -> Bool { errors[localHour].count >= 10 }

    /// The forecast at each level for a P50 `median` at `localHour` (NaN when not ready).
    public func quantiles(median: Double, localHour: Int) -> [Double] {
        guard isReady(localHour: localHour), median.isFinite else { return levels.map { _ in .nan } }
        let sorted = errors[localHour].sorted()
        return levels.map { level in
            let error = Self.quantile(sorted, level)
            return relative ? median * (1 + error) : median + error
        }
    }

    /// Linear-interpolated quantile of sorted values (numpy's default "linear").
    static func quantile(_ sorted: [Double], _ level: Double) -> Double {
        let position = level * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
