public import DSOStatusSchema

/// One thing to store, as handed to `Historian.record`: the writer thread batches them into transactions.
public enum HistorianEntry: Sendable, Hashable {
    case cycle(CycleSummary)
    case telemetry(TelemetrySample)
    case event(EventRecord)
    case schedule(ScheduleReceipt)
    case operatorAction(OperatorAction)
    /// A forecast as issued, one row per hour; `wallTimeSeconds` is when it was stored.
    case forecast(ForecastDocument, wallTimeSeconds: Double)
    /// A day-ahead or intraday plan.
    case plan(StoredPlan)

    /// Wall-clock time the entry was taken, Unix seconds (what retention compares against).
    public var wallTimeSeconds: Double {
        switch self {
        case .cycle(let value): value.wallTimeSeconds
        case .telemetry(let value): value.wallTimeSeconds
        case .event(let value): value.wallTimeSeconds
        case .schedule(let value): value.wallTimeSeconds
        case .operatorAction(let value): value.wallTimeSeconds
        case .forecast(_, let wallTimeSeconds): wallTimeSeconds
        case .plan(let plan): plan.wallTimeSeconds
        }
    }
}

extension Double {
    /// NaN means "no value" in the kernel's columns; SQLite and JSON get nil instead.
    @inlinable var finiteOrNil: Double? { isFinite ? self : nil }
}
