import CLibSocketCAN

/// A SocketCAN interface's controller through libsocketcan (netlink): state, bit rate, restart after bus-off.
public struct CANLinkMonitor: Sendable {
    /// The controller's state, as the kernel reports it (CAN_STATE_*).
    public enum State: Int32, Sendable {
        case errorActive = 0, errorWarning, errorPassive, busOff, stopped, sleeping
    }

    public let interface: String

    public init(interface: String) { self.interface = interface }

    /// The controller state; throws when the interface does not exist or is not CAN.
    public func state() throws(CANTransportError) -> State {
        var raw: Int32 = -1
        guard can_get_state(interface, &raw) == 0, let state = State(rawValue: raw) else {
            throw CANTransportError("socketcan:\(interface): libsocketcan could not read the link state (no such CAN interface, or no SocketCAN in this kernel)")
        }
        return state
    }

    /// The configured bit rate, bit/s.
    public func bitsPerSecond() throws(CANTransportError) -> Int {
        var timing = can_bittiming()
        guard can_get_bittiming(interface, &timing) == 0 else {
            throw CANTransportError("socketcan:\(interface): libsocketcan could not read the bit timing")
        }
        return Int(timing.bitrate)
    }

    /// Restarts the controller after bus-off (needs CAP_NET_ADMIN and a stopped-by-bus-off controller).
    public func restart() throws(CANTransportError) {
        guard can_do_restart(interface) == 0 else {
            throw CANTransportError("socketcan:\(interface): libsocketcan could not restart the controller")
        }
    }

    /// Sets the bit rate (the interface must be down; needs CAP_NET_ADMIN).
    public func setBitsPerSecond(_ bitsPerSecond: Int) throws(CANTransportError) {
        guard bitsPerSecond > 0, can_set_bitrate(interface, UInt32(bitsPerSecond)) == 0 else {
            throw CANTransportError("socketcan:\(interface): libsocketcan could not set the bit rate to \(bitsPerSecond)")
        }
    }
}
