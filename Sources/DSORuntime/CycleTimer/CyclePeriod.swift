/// The length of one control cycle, validated once so the timer never runs at a period the
/// kernel was not designed for (faster than 10 ms starves the host, slower than 10 s is not
/// regulation any more).
public struct CyclePeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Shortest period the kernel accepts: 10 ms.
    public static let minimumNanoseconds: Int64 = 10_000_000
    /// Longest period the kernel accepts: 10 s.
    public static let maximumNanoseconds: Int64 = 10_000_000_000

    /// The period in nanoseconds, within `minimumNanoseconds...maximumNanoseconds`.
    public let nanoseconds: Int64

    /// Validates `nanoseconds` against the allowed range.
    public init(nanoseconds: Int64) throws(CyclePeriodError) {
        guard (Self.minimumNanoseconds...Self.maximumNanoseconds).contains(nanoseconds) else {
            throw CyclePeriodError(requestedNanoseconds: nanoseconds)
        }
        self.nanoseconds = nanoseconds
    }

    /// Validates a period given in milliseconds (the unit operators configure).
    public init(milliseconds: Int64) throws(CyclePeriodError) {
        let (product, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        try self.init(nanoseconds: overflow ? (milliseconds < 0 ? .min : .max) : product)
    }

    public static func < (lhs: CyclePeriod, rhs: CyclePeriod) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public var description: String { formatNanoseconds(nanoseconds) }
}

/// Renders a duration in the largest unit that keeps it an integer ("10 ms", "11 s", "1500 µs").
func formatNanoseconds(_ nanoseconds: Int64) -> String {
    if nanoseconds != 0 && nanoseconds % 1_000_000_000 == 0 { return "\(nanoseconds / 1_000_000_000) s" }
    if nanoseconds != 0 && nanoseconds % 1_000_000 == 0 { return "\(nanoseconds / 1_000_000) ms" }
    if nanoseconds != 0 && nanoseconds % 1_000 == 0 { return "\(nanoseconds / 1_000) µs" }
    return "\(nanoseconds) ns"
}
