/// A series as it was known at an issue time: an hour is visible only once it has ended by then. Forecasters
/// read history through this view only, so a feature cannot peek past the issue time (issue 15's issue-time
/// discipline, checked by the leakage tests).
public struct IssueTimeView: Sendable {
    /// The forecast's issue time, seconds since 1970 UTC.
    public let issueUnixSeconds: Int64
    private let series: HourlySeries

    public init(_ series: HourlySeries, issueUnixSeconds: Int64) {
        self.series = series
        self.issueUnixSeconds = issueUnixSeconds
    }

    /// Whether the hour starting at `hourStart` had ended by the issue time.
    @inlinable public func isKnown(hourStart: Int64) -> Bool { hourStart + 3600 <= issueUnixSeconds }

    /// The value of the hour starting at `hourStart` if it was known at issue time, else NaN.
    public func value(atHourStart hourStart: Int64) -> Double {
        isKnown(hourStart: hourStart) ? series.value(atHourStart: hourStart) : .nan
    }

    /// Start of the last hour known at issue time.
    public var lastKnownHourStart: Int64 { (issueUnixSeconds / 3600) * 3600 - 3600 }

    /// The value at the same hour `days` days before `hourStart`, going back a day at a time (up to
    /// `maximumDays`) until one is known and present; NaN if none is.
    public func latestSameHour(before hourStart: Int64, maximumDays: Int = 14) -> Double {
        for days in 1...maximumDays {
            let value = value(atHourStart: hourStart - Int64(days) * 86_400)
            if !value.isNaN { return value }
        }
        return .nan
    }
}
