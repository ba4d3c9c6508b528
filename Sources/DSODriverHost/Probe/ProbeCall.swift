/// One `read` of every point as the driver answered it, with how long the call took on the host clock.
public struct ProbeReading: Sendable, Hashable {
    /// Host-clock time the call started and its duration, nanoseconds.
    public var startedNanoseconds: Int64
    public var durationNanoseconds: Int64
    public var code: DriverReturnCode
    /// The driver's error text (empty on success).
    public var message: String
    /// One value per point, in the point's unit, exactly as the driver wrote it (NaN when the call failed).
    public var values: [Double]
    /// When each value was measured on the host clock, as the driver wrote it (0: unknown / never received).
    public var timestampsNanoseconds: [Int64]

    public var isOK: Bool { code == .ok }
}

/// One `write` of a set point as the driver answered it.
public struct ProbeWriteResult: Sendable, Hashable {
    public var startedNanoseconds: Int64
    public var durationNanoseconds: Int64
    public var code: DriverReturnCode
    /// The driver's error text (empty on success).
    public var message: String

    public var isOK: Bool { code == .ok }
}
