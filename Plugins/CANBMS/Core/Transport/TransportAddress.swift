/// Where the BMS is: `socketcan:<interface>` or `slcan:<serial device>`.
public enum TransportAddress: Sendable, Equatable {
    case socketCAN(interface: String)
    case slcan(devicePath: String)

    /// Parses the configuration's transport value; the error says what was expected.
    public init(parsing text: String) throws(CANTransportError) {
        if text.hasPrefix("socketcan:"), text.count > "socketcan:".count {
            self = .socketCAN(interface: String(text.dropFirst("socketcan:".count)))
        } else if text.hasPrefix("slcan:"), text.count > "slcan:".count {
            self = .slcan(devicePath: String(text.dropFirst("slcan:".count)))
        } else {
            throw CANTransportError("'\(text)' is not a transport; expected socketcan:<interface> (e.g. socketcan:can0) or slcan:<serial device> (e.g. slcan:/dev/ttyACM0)")
        }
    }

    /// Opens the transport, receiving `frameIDs` (SocketCAN filters; SLCAN adapters pass everything).
    public func open(bitsPerSecond: Int, frameIDs: [UInt32]) throws(CANTransportError) -> any CANTransport {
        switch self {
        case .socketCAN(let interface): try SocketCANTransport(interface: interface, frameIDs: frameIDs)
        case .slcan(let path): try SLCANTransport(devicePath: path, bitsPerSecond: bitsPerSecond)
        }
    }
}
