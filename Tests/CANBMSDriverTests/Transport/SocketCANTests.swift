import CSocketCAN
import DSOCANBMS
import Foundation
import Testing

/// SocketCAN frame I/O over a SOCK_SEQPACKET socketpair of 16-byte can_frame datagrams (this kernel has no
/// AF_CAN): the far end writes and reads raw `struct can_frame` bytes laid out by hand, not through our helpers.
@Suite struct SocketCANTests {
    /// The kernel's can_frame layout: can_id (u32, host order), len, pad, res0, len8_dlc, data[8].
    static func rawFrame(id: UInt32, bytes: [UInt8]) -> [UInt8] {
        var raw = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: id) { for index in 0..<4 { raw[index] = $0[index] } }
        raw[4] = UInt8(bytes.count)
        for (index, byte) in bytes.enumerated() { raw[8 + index] = byte }
        return raw
    }

    static func socketPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &fds) == 0)
        return (fds[0], fds[1])
    }

    @Test func frameSizeIsTheKernels() { #expect(csocketcan_frame_size() == 16) }

    @Test func receivesCaptureFramesAndDecodesThem() throws {
        let (near, far) = try Self.socketPair()
        defer { close(near); close(far) }
        for frame in CaptureVectorTests.pylontechV12Capture {
            let raw = Self.rawFrame(id: frame.id, bytes: frame.bytes)
            #expect(write(far, raw, raw.count) == 16)
        }
        let transport = SocketCANTransport(fileDescriptor: near, name: "socketpair")
        var decoder = BMSDecoder(.pylontechV12)
        var received: [CANFrame] = []
        try transport.receiveAvailable { frame in
            received.append(frame)
            decoder.consume(frame, atNanoseconds: 1)
        }
        #expect(received == CaptureVectorTests.pylontechV12Capture)
        #expect(decoder.value(.stateOfChargePercent) == 88)
        #expect(abs(decoder.value(.voltageV) - 49.86) < 1e-9)
    }

    @Test func sendsTheKeepAliveAsOneCanFrameDatagram() throws {
        let (near, far) = try Self.socketPair()
        defer { close(near); close(far) }
        let transport = SocketCANTransport(fileDescriptor: near, name: "socketpair")
        #expect(try transport.send(BMSProtocol.pylontechV12.keepAlive.frame))
        #expect(try transport.send(CANFrame(id: 0x18FF50E5, isExtended: true, bytes: [1, 2, 3])))
        var raw = [UInt8](repeating: 0xFF, count: 64)
        #expect(read(far, &raw, raw.count) == 16)
        #expect(Array(raw[0..<16]) == Self.rawFrame(id: 0x305, bytes: [0, 0, 0, 0, 0, 0, 0, 0]))
        #expect(read(far, &raw, raw.count) == 16)
        #expect(Array(raw[0..<16]) == Self.rawFrame(id: 0x18FF50E5 | CAN_EFF_FLAG, bytes: [1, 2, 3]))
    }

    @Test func busOffErrorFrameIsSeenAndNotDecoded() throws {
        let (near, far) = try Self.socketPair()
        defer { close(near); close(far) }
        let error = Self.rawFrame(id: CAN_ERR_FLAG | UInt32(CAN_ERR_BUSOFF), bytes: [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(write(far, error, 16) == 16)
        let transport = SocketCANTransport(fileDescriptor: near, name: "socketpair")
        var count = 0
        try transport.receiveAvailable { _ in count += 1 }
        #expect(count == 0)
        #expect(transport.errorFrameCount == 1 && transport.isBusOff)
        transport.clearBusOff()
        #expect(!transport.isBusOff)
    }

    @Test func closedPeerIsALinkError() throws {
        let (near, far) = try Self.socketPair()
        defer { close(near) }
        close(far)
        let transport = SocketCANTransport(fileDescriptor: near, name: "socketpair")
        #expect(throws: CANTransportError.self) { try transport.receiveAvailable { _ in } }
    }

    @Test func realInterfaceFailsWithAClearMessageOnThisKernel() {
        do {
            _ = try SocketCANTransport(interface: "can0", frameIDs: BMSProtocol.pylontechV12.receivedFrameIDs)
            // A machine with SocketCAN and a can0: opening is right.
        } catch {
            #expect(error.description.hasPrefix("socketcan:can0: cannot open a CAN_RAW socket: "))
        }
    }

    @Test func libsocketcanReportsAMissingInterface() {
        let monitor = CANLinkMonitor(interface: "dsocan-none")
        #expect(throws: CANTransportError.self) { _ = try monitor.state() }
        #expect(throws: CANTransportError.self) { _ = try monitor.bitsPerSecond() }
        #expect(throws: CANTransportError.self) { try monitor.restart() }
    }
}
