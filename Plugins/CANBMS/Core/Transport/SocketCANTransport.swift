import CSocketCAN
#if canImport(Glibc)
import Glibc
#endif

/// SocketCAN: a CAN_RAW socket on an interface (can0), or any descriptor carrying 16-byte `can_frame` datagrams.
public final class SocketCANTransport: CANTransport {
    /// The interface name, or a description of the descriptor.
    public let name: String
    public private(set) var errorFrameCount = 0
    public private(set) var isBusOff = false
    /// Sends refused because the socket's queue was full.
    public private(set) var droppedSendCount = 0
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens a CAN_RAW socket on `interface`, receiving only `frameIDs` and error frames.
    public init(interface: String, frameIDs: [UInt32]) throws(CANTransportError) {
        let result = frameIDs.withUnsafeBufferPointer {
            csocketcan_open_raw(interface, $0.baseAddress, Int32($0.count), 1)
        }
        guard result >= 0 else {
            let reason = String(cString: strerror(-result))
            throw CANTransportError("socketcan:\(interface): cannot open a CAN_RAW socket: \(reason)\(result == -EAFNOSUPPORT ? " (this kernel has no SocketCAN)" : "")")
        }
        name = interface
        descriptor = result
        ownsDescriptor = true
    }

    /// Uses an already open descriptor (a socketpair in tests); it is not closed by this object.
    public init(fileDescriptor: Int32, name: String) {
        self.name = name
        descriptor = fileDescriptor
        ownsDescriptor = false
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    public func receiveAvailable(_ handler: (CANFrame) -> Void) throws(CANTransportError) {
        var id: UInt32 = 0
        var length: UInt8 = 0
        var payload: UInt64 = 0
        while true {
            let result = withUnsafeMutableBytes(of: &payload) {
                csocketcan_receive(descriptor, &id, &length, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            if result == 0 { return }
            if result < 0 {
                if result == -EINTR { continue }
                throw CANTransportError("socketcan:\(name): receive failed: \(String(cString: strerror(-result)))")
            }
            if id & CAN_ERR_FLAG != 0 {
                errorFrameCount += 1
                if id & UInt32(CAN_ERR_BUSOFF) != 0 { isBusOff = true }
                continue
            }
            let extended = id & CAN_EFF_FLAG != 0
            let remote = id & CAN_RTR_FLAG != 0
            let bare = extended ? id & CAN_EFF_MASK : id & CAN_SFF_MASK
            handler(CANFrame(id: bare, isExtended: extended, isRemote: remote, length: length,
                             payload: UInt64(littleEndian: payload)))
        }
    }

    public func send(_ frame: CANFrame) throws(CANTransportError) -> Bool {
        var id = frame.id
        if frame.isExtended { id |= CAN_EFF_FLAG }
        if frame.isRemote { id |= CAN_RTR_FLAG }
        var payload = frame.payload.littleEndian
        let result = withUnsafeBytes(of: &payload) {
            csocketcan_send(descriptor, id, frame.length, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        if result < 0 {
            throw CANTransportError("socketcan:\(name): send failed: \(String(cString: strerror(-result)))")
        }
        if result == 0 { droppedSendCount += 1 }
        return result == 1
    }

    public func clearBusOff() { isBusOff = false }
}
