/// Maps a time in seconds to the index of the fixed-width slot (10-s sample, hour, 15-min interval) holding it.
///
/// Slots are aligned to multiples of their width on the caller's time axis. Times up to
/// 1 µs below a boundary count as on it, so accumulated steps like 0.1 + 0.1 + … land right.
enum ScoringClock {
    static let boundaryToleranceSeconds = 1e-6

    static func slotIndex(timeSeconds: Double, widthSeconds: Double) -> Int64 {
        Int64(((timeSeconds + boundaryToleranceSeconds) / widthSeconds).rounded(.down))
    }

    /// Floor division that stays correct for negative slot indices.
    static func floorDivide(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
