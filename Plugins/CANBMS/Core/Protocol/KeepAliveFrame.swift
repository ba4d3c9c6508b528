/// The frame the inverter side (this plugin) sends so the BMS knows it is heard, and how often.
public struct KeepAliveFrame: Sendable, Equatable {
    public let frame: CANFrame
    public let periodNanoseconds: Int64

    public init(frame: CANFrame, periodNanoseconds: Int64) {
        self.frame = frame
        self.periodNanoseconds = periodNanoseconds
    }
}
