public import DSOForecast

/// The intervals a plan covers: one local operating day (23, 24 or 25 hours on DST days) cut into hourly or
/// quarter-hour intervals, as CAISO's day-ahead market (hourly) and FMM (15 minutes) settle them.
public struct PlanningHorizon: Sendable, Hashable {
    /// One interval: its UTC start and its length.
    public struct Interval: Sendable, Hashable {
        public var startUnixSeconds: Int64
        public var minutes: Int
        public var hours: Double { Double(minutes) / 60 }
        public var endUnixSeconds: Int64 { startUnixSeconds + Int64(minutes) * 60 }
    }

    public let day: LocalDate
    public let zone: MarketTimeZone
    public let intervals: [Interval]

    /// The operating `day` in `zone` in intervals of `minutes` (15, 30 or 60).
    public init(day: LocalDate, zone: MarketTimeZone = .pacific, minutes: Int = 60) throws(PlanningError) {
        guard [5, 15, 30, 60].contains(minutes) else {
            throw PlanningError("interval \(minutes) min: expected 5, 15, 30 or 60")
        }
        self.day = day
        self.zone = zone
        intervals = zone.hourStarts(of: day).flatMap { hour in
            stride(from: hour, to: hour + 3600, by: minutes * 60).map { Interval(startUnixSeconds: $0, minutes: minutes) }
        }
    }

    /// Intervals starting at `startUnixSeconds` (on the interval grid), `count` of them: an intraday horizon.
    public init(startUnixSeconds: Int64, count: Int, minutes: Int, zone: MarketTimeZone = .pacific) throws(PlanningError) {
        guard [5, 15, 30, 60].contains(minutes), count > 0, startUnixSeconds % Int64(minutes * 60) == 0 else {
            throw PlanningError("horizon of \(count) × \(minutes) min from \(startUnixSeconds): expected intervals of 5, 15, 30 or 60 min on their grid")
        }
        self.zone = zone
        day = zone.local(startUnixSeconds).day
        intervals = (0..<count).map { Interval(startUnixSeconds: startUnixSeconds + Int64($0 * minutes * 60), minutes: minutes) }
    }

    /// An intraday re-plan's receding horizon from `startUnixSeconds` to `endUnixSeconds`: `fineMinutes` intervals
    /// for the next `fineHours` (where dispatch is decided) and to the next whole hour, then whole hours (where
    /// only the energy's position matters) — a third of the uniform quarter-hour model's size for the rest of a day.
    public init(recedingFrom startUnixSeconds: Int64, until endUnixSeconds: Int64, fineMinutes: Int = 15, fineHours: Double = 4,
                zone: MarketTimeZone = .pacific) throws(PlanningError) {
        let step = Int64(fineMinutes * 60)
        guard [5, 15, 30].contains(fineMinutes), startUnixSeconds % step == 0, endUnixSeconds % 3600 == 0,
              endUnixSeconds > startUnixSeconds else {
            throw PlanningError("receding horizon \(startUnixSeconds)…\(endUnixSeconds): expected a start on the \(fineMinutes)-minute grid before an end on the hour")
        }
        self.zone = zone
        day = zone.local(startUnixSeconds).day
        var intervals: [Interval] = []
        var at = startUnixSeconds
        let fineUntil = startUnixSeconds + Int64(fineHours * 3600)
        while at < endUnixSeconds && (at < fineUntil || at % 3600 != 0) {
            intervals.append(Interval(startUnixSeconds: at, minutes: fineMinutes))
            at += step
        }
        while at < endUnixSeconds {
            intervals.append(Interval(startUnixSeconds: at, minutes: 60))
            at += 3600
        }
        self.intervals = intervals
    }

    public var count: Int { intervals.count }
}
