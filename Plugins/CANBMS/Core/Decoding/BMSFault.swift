/// Why the battery is unavailable, as the `fault` point's code (0 = available).
public enum BMSFault: UInt16, Sendable {
    case none = 0
    /// The BMS reports a protection (alarm) bit.
    case alarm = 1
    /// A required frame (limits, state, measurements or alarms) did not arrive within the protocol's timeout.
    case bmsSilent = 2
    /// The CAN link failed: transport error, bus-off, or the adapter went away.
    case link = 3
}
