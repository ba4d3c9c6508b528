/// Holidays that change load like a Sunday: the NERC holidays the ISOs use for load forecasting and for
/// demand-response baselines (New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving,
/// Christmas), a fixed-date one observed on Monday when it falls on a Sunday.
public enum HolidayCalendar {
    /// Whether `date` is a NERC holiday (as observed).
    public static func isHoliday(_ date: LocalDate) -> Bool {
        holidays(year: date.year).contains(date)
    }

    /// The NERC holidays of `year`, as observed.
    public static func holidays(year: Int) -> Set<LocalDate> {
        func observed(_ date: LocalDate) -> LocalDate { date.weekday == 0 ? date.adding(days: 1) : date }
        func nth(_ n: Int, weekday: Int, month: Int) -> LocalDate {
            let first = LocalDate(year: year, month: month, day: 1)
            return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
        }
        func last(weekday: Int, month: Int) -> LocalDate {
            let next = LocalDate(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
            let lastDay = next.adding(days: -1)
            return lastDay.adding(days: -((lastDay.weekday - weekday + 7) % 7))
        }
        return [
            observed(LocalDate(year: year, month: 1, day: 1)),
            last(weekday: 1, month: 5),
            observed(LocalDate(year: year, month: 7, day: 4)),
            nth(1, weekday: 1, month: 9),
            nth(4, weekday: 4, month: 11),
            observed(LocalDate(year: year, month: 12, day: 25)),
        ]
    }
}
