/// Status bits in input register 16: what the ISO needs to know about the link and regulation.
public struct ISOStatus: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A set point was accepted within the signal time-to-live.
    public static let setpointFresh = Self(rawValue: 1 << 0)
    /// The kernel's signal is stale: regulation is ramping to (or sits at) zero.
    public static let regulationFallback = Self(rawValue: 1 << 1)
    /// An award above zero is in effect.
    public static let regulating = Self(rawValue: 1 << 2)
    /// The telemetry was refreshed from the kernel within the last 2 s.
    public static let telemetryFresh = Self(rawValue: 1 << 3)
}

/// Alarm bits in input register 17 (any interface point; per point in its flags register).
public struct ISOAlarms: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// |ACE| outside the deviation band at some interface point.
    public static let outOfBand = Self(rawValue: 1 << 0)
    /// An import or export limit exceeded.
    public static let interfaceLimitExceeded = Self(rawValue: 1 << 1)
    /// The dispatch could not meet the schedule or the interface limits.
    public static let dispatchInfeasible = Self(rawValue: 1 << 2)
    /// A meter is missing or stale; net is the member sum.
    public static let meterUnavailable = Self(rawValue: 1 << 3)
    /// The last write was refused (cleared by the next accepted write).
    public static let lastWriteRefused = Self(rawValue: 1 << 4)
}
