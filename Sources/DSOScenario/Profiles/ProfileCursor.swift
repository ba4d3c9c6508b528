/// Remembers where the last lookup landed so a device stepping forward in time finds its segment in O(1).
///
/// Allocation-free; works for any time order (falls back to a search when time jumps backwards or wraps).
public struct ProfileCursor: Sendable, Hashable {
    var segment = 0

    public init() {}

    /// Interpolated value of `profile` at `seconds` (wrapped to the day), moving the cursor forward.
    @inline(__always)
    public mutating func value(of profile: Profile, atSeconds seconds: Double) -> Double {
        let second = Profile.secondsOfDay(seconds)
        let knots = profile.knotSeconds
        let last = knots.count - 2
        if segment > last || second < knots[segment] { segment = 0 }
        while segment < last, knots[segment + 1] <= second { segment += 1 }
        return profile.interpolate(segment: segment, secondOfDay: second)
    }
}
