/// Modbus TCP framing: the MBAP header's length field alone says where a request ends, so a function the link
/// does not know (or a payload it does not expect) never shifts the rest of the stream.
///
/// Header: transaction id (2 bytes), protocol id (2, always 0 for Modbus), length (2: unit id + PDU), unit id (1).
enum MBAPFrame {
    static let headerBytes = 7
    /// The largest Modbus TCP request: 7 header bytes and a 253-byte PDU.
    static let maximumBytes = 260
    /// The length field counts the unit id and the PDU: at least a function code, at most 253 PDU bytes.
    static let lengthRange = 2...254

    /// Where the next request in a connection's buffer stands.
    enum Next: Equatable {
        /// More bytes are needed.
        case incomplete
        /// The first `bytes` bytes are one whole request.
        case frame(bytes: Int)
        /// Not Modbus TCP: the connection is closed (why, for the log).
        case refuse(String)
    }

    /// Looks at the start of `buffer`; refuses as soon as the header shows it is not a Modbus request.
    static func next(_ buffer: [UInt8]) -> Next {
        func word(_ offset: Int) -> Int { Int(buffer[offset]) << 8 | Int(buffer[offset + 1]) }
        if buffer.count >= 4, word(2) != 0 { return .refuse("protocol id \(word(2)) is not Modbus (0)") }
        guard buffer.count >= 6 else { return .incomplete }
        let length = word(4)
        guard lengthRange.contains(length) else {
            return .refuse("MBAP length \(length) outside \(lengthRange.lowerBound)…\(lengthRange.upperBound)")
        }
        let bytes = 6 + length
        return buffer.count >= bytes ? .frame(bytes: bytes) : .incomplete
    }
}
