/// One classic CAN 2.0 frame: 11- or 29-bit id and up to 8 data bytes (kept in one word: no allocation).
public struct CANFrame: Sendable, Equatable {
    /// The identifier without flags.
    public var id: UInt32
    /// Whether `id` is a 29-bit identifier.
    public var isExtended: Bool
    /// Whether this is a remote (RTR) frame, which carries no data.
    public var isRemote: Bool
    /// Data length code, 0…8.
    public var length: UInt8
    /// Data bytes, byte 0 in the lowest 8 bits.
    public var payload: UInt64

    public init(id: UInt32, isExtended: Bool = false, isRemote: Bool = false, length: UInt8, payload: UInt64) {
        self.id = id
        self.isExtended = isExtended
        self.isRemote = isRemote
        self.length = min(length, 8)
        self.payload = payload
    }

    /// A data frame from its bytes (at most 8 are kept).
    public init(id: UInt32, isExtended: Bool = false, bytes: [UInt8]) {
        var payload: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { payload |= UInt64(byte) << (8 * UInt64(index)) }
        self.init(id: id, isExtended: isExtended, length: UInt8(min(bytes.count, 8)), payload: payload)
    }

    /// Data byte `index` (0 beyond the length).
    @inline(__always)
    public func byte(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: payload >> (8 * UInt64(index))) }

    /// The data bytes, `length` of them.
    public var bytes: [UInt8] { (0..<Int(length)).map(byte) }
}
