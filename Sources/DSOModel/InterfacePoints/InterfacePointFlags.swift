/// Conditions at an interface point this cycle, as a bit set (one byte per interface point).
public struct InterfacePointFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// |ACE| (net − schedule + regulation request) is outside the deviation band.
    public static let outOfBand = Self(rawValue: 1 << 0)
    /// Net import above the import limit.
    public static let importLimitExceeded = Self(rawValue: 1 << 1)
    /// Net export above the export limit.
    public static let exportLimitExceeded = Self(rawValue: 1 << 2)
    /// The dispatch could not reach the schedule inside device limits.
    public static let scheduleInfeasible = Self(rawValue: 1 << 3)
    /// The dispatch could not keep the interface inside its limits with the devices available.
    public static let interfaceLimitInfeasible = Self(rawValue: 1 << 4)
    /// The net comes from summing members because the meter is missing or stale.
    public static let meterUnavailable = Self(rawValue: 1 << 5)
    /// No schedule interval covers now; the last known value holds.
    public static let scheduleMissing = Self(rawValue: 1 << 6)
}
