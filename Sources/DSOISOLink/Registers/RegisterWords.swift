/// 32-bit values as two 16-bit Modbus registers, high word first ("ABCD", big-endian word order).
///
/// Within a register Modbus is big-endian already; the word order is what devices disagree on, so the
/// ISO link fixes it: the register at the lower address holds the high 16 bits. (mbpoll: `-B`.)
public enum RegisterWords {
    /// The two registers of `value`, high word first.
    public static func words(_ value: UInt32) -> (high: UInt16, low: UInt16) {
        (UInt16(truncatingIfNeeded: value >> 16), UInt16(truncatingIfNeeded: value))
    }

    /// The two registers of an IEEE-754 float32, high word first.
    public static func words(_ value: Float) -> (high: UInt16, low: UInt16) {
        words(value.bitPattern)
    }

    /// The unsigned 32-bit value stored high word first.
    public static func uint32(high: UInt16, low: UInt16) -> UInt32 {
        UInt32(high) << 16 | UInt32(low)
    }

    /// The float32 stored high word first.
    public static func float(high: UInt16, low: UInt16) -> Float {
        Float(bitPattern: uint32(high: high, low: low))
    }
}
