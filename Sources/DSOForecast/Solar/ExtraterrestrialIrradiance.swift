import Foundation

/// The sun's irradiance at the top of the atmosphere on a plane normal to the beam: the ceiling that
/// clear-sky models, the Hay–Davies anisotropy index and the Erbs clearness index are measured against.
///
/// J. W. Spencer, "Fourier series representation of the position of the sun", Search 2(5), 172 (1971):
/// the Earth–Sun distance factor (R₀/R)² as a Fourier series in the day angle, times the solar constant.
public enum ExtraterrestrialIrradiance {
    /// The solar constant pvlib uses (W/m²), so the cross-checks compare like with like.
    public static let solarConstantWattsPerSquareMetre = 1366.1

    /// Normal extraterrestrial irradiance on `dayOfYear` (1 = 1 January).
    public static func normalWattsPerSquareMetre(dayOfYear: Int) -> Double {
        let b = 2 * Double.pi / 365 * Double(dayOfYear - 1)
        let factor = 1.00011 + 0.034221 * cos(b) + 0.00128 * sin(b) + 0.000719 * cos(2 * b) + 0.000077 * sin(2 * b)
        return solarConstantWattsPerSquareMetre * factor
    }

    /// Normal extraterrestrial irradiance on the UTC day containing `unixSeconds`.
    public static func normalWattsPerSquareMetre(unixSeconds: Double) -> Double {
        normalWattsPerSquareMetre(dayOfYear: utcDayOfYear(unixSeconds: unixSeconds))
    }

    /// The UTC day of the year (1…366) of an instant, by the Gregorian calendar.
    public static func utcDayOfYear(unixSeconds: Double) -> Int {
        utcCalendar.ordinality(of: .day, in: .year, for: Date(timeIntervalSince1970: unixSeconds)) ?? 1
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
