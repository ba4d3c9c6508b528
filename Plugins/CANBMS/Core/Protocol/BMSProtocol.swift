/// One BMS→inverter CAN protocol as data: its signals, the frames that must keep arriving, and the keep-alive.
public struct BMSProtocol: Sendable {
    /// Configuration name, e.g. "pylontech-v1.2".
    public let name: String
    /// Every field this plugin decodes.
    public let signals: [CANSignal]
    /// Frames whose absence for `frameTimeoutNanoseconds` makes the battery unavailable (limits, SOC,
    /// measurements and alarms: without any of them dispatch would be blind).
    public let requiredFrameIDs: [UInt32]
    /// Default silence after which a required frame counts as missing (3 s: inverters stop after 3 s without 0x351).
    public let frameTimeoutNanoseconds: Int64
    /// What the plugin sends to the BMS, and how often.
    public let keepAlive: KeepAliveFrame
    /// Whether the protocol sends charge/discharge enable bits; when it does not, both count as enabled.
    public var hasEnableFlags: Bool { signals.contains { $0.quantity == .chargeEnable } }

    public init(name: String, signals: [CANSignal], requiredFrameIDs: [UInt32], frameTimeoutNanoseconds: Int64,
                keepAlive: KeepAliveFrame) {
        self.name = name
        self.signals = signals
        self.requiredFrameIDs = requiredFrameIDs
        self.frameTimeoutNanoseconds = frameTimeoutNanoseconds
        self.keepAlive = keepAlive
    }

    /// Every frame id a signal lives in, sorted (the SocketCAN receive filter).
    public var receivedFrameIDs: [UInt32] { Array(Set(signals.map(\.frameID) + requiredFrameIDs)).sorted() }
}
