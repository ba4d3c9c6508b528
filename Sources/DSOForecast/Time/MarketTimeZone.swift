import DSOModel
import Foundation

/// The market's local time (Pacific prevailing time for CAISO): operating days, hours of day and the issue
/// time are local at the market's edges; everything inside is UTC. DST days have 23 or 25 hours.
public struct MarketTimeZone: Sendable, Hashable {
    public let identifier: String
    private let zone: TimeZone

    /// `identifier`: an IANA name (`America/Los_Angeles`), `UTC`, or a fixed offset `UTC-05:00`.
    public init(_ identifier: String) throws(ForecastError) {
        self.identifier = identifier
        if let zone = TimeZone(identifier: identifier), identifier.contains("/") || identifier == "UTC" || identifier == "GMT" {
            self.zone = zone
        } else if let offset = Self.fixedOffsetSeconds(identifier), let zone = TimeZone(secondsFromGMT: offset) {
            self.zone = zone
        } else {
            throw ForecastError("time zone '\(identifier)': expected an IANA name such as America/Los_Angeles, UTC, or a fixed offset such as UTC-05:00")
        }
    }

    public static let pacific = try! MarketTimeZone("America/Los_Angeles")
    public static let utc = try! MarketTimeZone("UTC")

    /// Seconds to add to UTC to get local time at `unixSeconds`.
    public func offsetSeconds(atUnixSeconds unixSeconds: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds))))
    }

    /// The local calendar date and hour of the UTC instant.
    public func local(_ unixSeconds: Int64) -> LocalTime {
        let localSeconds = unixSeconds + offsetSeconds(atUnixSeconds: unixSeconds)
        let days = localSeconds.floorDivided(by: 86_400)
        let secondOfDay = localSeconds - days * 86_400
        return LocalTime(day: LocalDate(daysSince1970: days), hour: Int(secondOfDay / 3600),
                         minute: Int(secondOfDay % 3600 / 60))
    }

    /// The UTC instant of local `date` at `hour`:`minute`. In the hour a DST change repeats, the first
    /// (daylight) one; in the hour it skips, the instant an hour later.
    public func unixSeconds(of date: LocalDate, hour: Int, minute: Int = 0) -> Int64 {
        let naive = date.daysSince1970 * 86_400 + Int64(hour * 3600 + minute * 60)
        // Try the offsets in force around the naive time; take the earliest that maps back to the same local time.
        let candidates = Set([offsetSeconds(atUnixSeconds: naive - 86_400), offsetSeconds(atUnixSeconds: naive + 86_400),
                              offsetSeconds(atUnixSeconds: naive)])
        let matching = candidates.map { naive - $0 }.filter { self.localSecondsSinceEpoch($0) == naive }.sorted()
        return matching.first ?? naive - offsetSeconds(atUnixSeconds: naive) + 3600
    }

    /// UTC starts of the hours of local `date`, in order: 24, or 23 / 25 on DST days.
    public func hourStarts(of date: LocalDate) -> [Int64] {
        let start = unixSeconds(of: date, hour: 0)
        let end = unixSeconds(of: date.adding(days: 1), hour: 0)
        return Array(stride(from: start, to: end, by: 3600))
    }

    private func localSecondsSinceEpoch(_ unixSeconds: Int64) -> Int64 { unixSeconds + offsetSeconds(atUnixSeconds: unixSeconds) }

    private static func fixedOffsetSeconds(_ text: String) -> Int? {
        guard text.hasPrefix("UTC"), text.count == 9 else { return nil }
        let rest = Array(text.dropFirst(3))
        guard rest[0] == "+" || rest[0] == "-", rest[3] == ":", let hours = Int(String(rest[1...2])),
              let minutes = Int(String(rest[4...5])), hours < 24, minutes < 60 else { return nil }
        return (rest[0] == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

/// A local calendar date, as days since 1970-01-01 (proleptic Gregorian).
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let daysSince1970: Int64

    public init(daysSince1970: Int64) { self.daysSince1970 = daysSince1970 }

    public init(year: Int, month: Int, day: Int) {
        daysSince1970 = Int64(UTCTimestamp.daysFromCivil(year: year, month: month, day: day))
    }

    /// `YYYY-MM-DD`, or nil.
    public init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
        guard self.month == month else { return nil }
    }

    public var components: (year: Int, month: Int, day: Int) { UTCTimestamp.civilFromDays(Int(daysSince1970)) }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }
    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { Int((daysSince1970 + 4).floorModulo(7)) }
    /// 1…366.
    public var dayOfYear: Int { Int(daysSince1970 - LocalDate(year: year, month: 1, day: 1).daysSince1970) + 1 }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSince1970: daysSince1970 + Int64(days)) }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    public var description: String {
        let (year, month, day) = components
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

/// A local date and time of day (to the minute).
public struct LocalTime: Sendable, Hashable {
    public let day: LocalDate
    public let hour: Int
    public let minute: Int
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}
