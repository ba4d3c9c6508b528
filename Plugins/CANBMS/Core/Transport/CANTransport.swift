/// A CAN link the plugin polls: drain what arrived, send without blocking.
public protocol CANTransport: AnyObject {
    /// Hands every frame waiting now to `handler`, without blocking. Throws when the link failed.
    func receiveAvailable(_ handler: (CANFrame) -> Void) throws(CANTransportError)
    /// Queues one frame; returns false when the link's queue is full (the frame is dropped).
    func send(_ frame: CANFrame) throws(CANTransportError) -> Bool
    /// Error frames seen (SocketCAN) or error replies (SLCAN).
    var errorFrameCount: Int { get }
    /// Whether the controller reported bus-off since the last `clearBusOff`.
    var isBusOff: Bool { get }
    /// Forgets a bus-off after the link was restarted.
    func clearBusOff()
}

/// A failed transport operation, naming the device and the system error.
public struct CANTransportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
