/// One forecast the service issued for one target (`GET /api/v1/forecasts`, docs/api.md): the P10/P50/P90 of
/// each hour, so the scheduler and an operator see the same numbers the historian keeps.
public struct ForecastDocument: Sendable, Hashable, Codable {
    /// What is forecast: `<interface point>/load`, `<interface point>/pv` or `<DR resource>/dr-available`.
    public var target: String
    /// `load` (consumption, kW ≥ 0), `pv` (generation, kW ≥ 0) or `dr-available` (curtailment on offer, kW ≥ 0).
    public var kind: String
    /// The interface point the target sits behind.
    public var interfacePoint: String
    /// `day-ahead` (for the next local operating day) or `intraday` (the next hours).
    public var horizon: String
    /// The forecaster whose P50 this is (`ensemble`, `ridge`, `similar-day`…).
    public var forecaster: String
    /// When it was issued, seconds since 1970 UTC, and the same instant in RFC 3339 UTC.
    public var issueUnixSeconds: Int64
    public var issued: String
    /// Hours whose band came from the forecaster's own out-of-sample errors; the others carry no P10/P90.
    public var hours: [ForecastHour]

    public init(target: String, kind: String, interfacePoint: String, horizon: String, forecaster: String,
                issueUnixSeconds: Int64, issued: String, hours: [ForecastHour]) {
        self.target = target
        self.kind = kind
        self.interfacePoint = interfacePoint
        self.horizon = horizon
        self.forecaster = forecaster
        self.issueUnixSeconds = issueUnixSeconds
        self.issued = issued
        self.hours = hours
    }
}

/// One forecast hour: its UTC start and the quantiles, kW (P10/P90 nil until enough errors back them).
public struct ForecastHour: Sendable, Hashable, Codable {
    public var startUnixSeconds: Int64
    public var p10KW: Double?
    public var p50KW: Double?
    public var p90KW: Double?
    /// DR availability only: the P50 baseline consumption the availability was taken from, kW — the planner adds
    /// it to the interface point's load, since a programme not called consumes it.
    public var baselineKW: Double?

    public init(startUnixSeconds: Int64, p10KW: Double?, p50KW: Double?, p90KW: Double?, baselineKW: Double? = nil) {
        self.startUnixSeconds = startUnixSeconds
        self.p10KW = p10KW
        self.p50KW = p50KW
        self.p90KW = p90KW
        self.baselineKW = baselineKW
    }
}
