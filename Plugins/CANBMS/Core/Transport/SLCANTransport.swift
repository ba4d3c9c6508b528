#if canImport(Glibc)
import Glibc
#endif

/// SLCAN over a serial port (a USB-CAN adapter's /dev/ttyACM0, or a pseudo-terminal in tests).
public final class SLCANTransport: CANTransport {
    public let devicePath: String
    public private(set) var codec = SLCANCodec()
    public private(set) var droppedSendCount = 0
    public var errorFrameCount: Int { codec.errorReplyCount }
    public var isBusOff: Bool { false }
    private let descriptor: Int32
    private var readBuffer = [UInt8](repeating: 0, count: 4096)
    private var writeBuffer: [UInt8] = []

    /// Opens `devicePath` raw, non-blocking, and opens the CAN channel at `bitsPerSecond` (`C`, `S<n>`, `O`).
    /// Replies are not awaited: an adapter's `\r`/`\a` arrive with the first frames and are counted there.
    public init(devicePath: String, bitsPerSecond: Int) throws(CANTransportError) {
        guard let command = SLCANCodec.bitrateCommand(bitsPerSecond) else {
            throw CANTransportError("slcan:\(devicePath): bit rate \(bitsPerSecond) has no SLCAN code; expected one of 10000, 20000, 50000, 100000, 125000, 250000, 500000, 800000, 1000000")
        }
        self.devicePath = devicePath
        let fd = open(devicePath, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw CANTransportError("slcan:\(devicePath): cannot open: \(String(cString: strerror(errno)))")
        }
        var settings = termios()
        if tcgetattr(fd, &settings) == 0 {
            cfmakeraw(&settings)
            cfsetispeed(&settings, speed_t(B115200))
            cfsetospeed(&settings, speed_t(B115200))
            _ = tcsetattr(fd, TCSANOW, &settings)
        }
        descriptor = fd
        writeBuffer.reserveCapacity(64)
        try writeAll(Array("C\r\(command)O\r".utf8))
    }

    deinit {
        _ = try? writeAll(Array("C\r".utf8))
        close(descriptor)
    }

    public func receiveAvailable(_ handler: (CANFrame) -> Void) throws(CANTransportError) {
        while true {
            let count = readBuffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                readBuffer.withUnsafeBytes { codec.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count]), handler) }
                if count < readBuffer.count { return }
            } else if count == 0 {
                return  // a pty whose other side is not open yet reads as end of file; nothing to take
            } else if errno == EAGAIN || errno == EINTR {
                return
            } else if errno == EIO {
                return  // a pty without a peer: the adapter side is absent, which the frame timeout reports
            } else {
                throw CANTransportError("slcan:\(devicePath): read failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    public func send(_ frame: CANFrame) throws(CANTransportError) -> Bool {
        writeBuffer.removeAll(keepingCapacity: true)
        SLCANCodec.encode(frame, into: &writeBuffer)
        let written = writeBuffer.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written == writeBuffer.count { return true }
        if written < 0, errno != EAGAIN, errno != EIO {
            throw CANTransportError("slcan:\(devicePath): write failed: \(String(cString: strerror(errno)))")
        }
        droppedSendCount += 1
        return false
    }

    public func clearBusOff() {}

    private func writeAll(_ bytes: [UInt8]) throws(CANTransportError) {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0, errno != EAGAIN, errno != EIO {
            throw CANTransportError("slcan:\(devicePath): write failed: \(String(cString: strerror(errno)))")
        }
    }
}
