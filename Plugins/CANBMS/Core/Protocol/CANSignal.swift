/// How a field's bytes are laid out in a frame (all multi-byte fields little-endian).
public enum FieldEncoding: Sendable, Equatable {
    /// Unsigned 8-bit at the byte offset.
    case unsigned8
    /// Unsigned 16-bit, low byte first.
    case unsigned16
    /// Two's-complement 16-bit, low byte first.
    case signed16
    /// Unsigned 32-bit, low byte first.
    case unsigned32
    /// One bit (0 = least significant) of the byte at the offset.
    case bit(Int)

    /// Bytes the field occupies from its offset.
    public var byteCount: Int {
        switch self {
        case .unsigned8, .bit: 1
        case .unsigned16, .signed16: 2
        case .unsigned32: 4
        }
    }
}

/// One row of a protocol table: frame id, byte offset, type, scale and unit of one quantity.
public struct CANSignal: Sendable, Equatable {
    public let quantity: BMSQuantity
    public let frameID: UInt32
    public let byteOffset: Int
    public let encoding: FieldEncoding
    /// Physical value = raw × scale.
    public let scale: Double
    public let unit: String

    public init(_ quantity: BMSQuantity, frame frameID: UInt32, byte byteOffset: Int, _ encoding: FieldEncoding,
                scale: Double = 1, unit: String = "") {
        self.quantity = quantity
        self.frameID = frameID
        self.byteOffset = byteOffset
        self.encoding = encoding
        self.scale = scale
        self.unit = unit
    }

    /// The physical value in `frame`, or nil when the frame is too short to hold the field (e.g. 0x355 in v1.2
    /// has 4 bytes, so no high-resolution SOC).
    @inline(__always)
    public func decode(_ frame: CANFrame) -> Double? {
        guard Int(frame.length) >= byteOffset + encoding.byteCount else { return nil }
        let raw: Double
        switch encoding {
        case .unsigned8: raw = Double(frame.byte(byteOffset))
        case .unsigned16: raw = Double(UInt16(frame.byte(byteOffset)) | UInt16(frame.byte(byteOffset + 1)) << 8)
        case .signed16:
            raw = Double(Int16(bitPattern: UInt16(frame.byte(byteOffset)) | UInt16(frame.byte(byteOffset + 1)) << 8))
        case .unsigned32:
            var value: UInt32 = 0
            for index in 0..<4 { value |= UInt32(frame.byte(byteOffset + index)) << (8 * index) }
            raw = Double(value)
        case .bit(let bit): raw = Double((frame.byte(byteOffset) >> UInt8(bit)) & 1)
        }
        return raw * scale
    }
}
