/// A validated instruction from the ISO, decoded from a register write, on its way to the kernel.
public enum ISOCommand: Sendable, Hashable {
    /// A regulation signal sample, normalised −1…1, with the link's monotonic (extended) sequence.
    case signal(normalized: Double, sequence: UInt64)
    /// A new regulation capacity award, kW.
    case award(kw: Double)
    /// A dispatch operating target: the interface point's net import, kW, from now for `durationSeconds`.
    case dispatchTarget(interfacePoint: Int, netImportKW: Double, durationSeconds: Double)
}

/// Why a write was refused, and which Modbus exception answers it.
public struct ISOWriteRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The Modbus exception code sent back (2 illegal data address, 3 illegal data value, 1 illegal function).
    public var exceptionCode: UInt8
    /// A sentence naming the register, the value and what was expected.
    public var reason: String

    public static let illegalFunction: UInt8 = 1
    public static let illegalDataAddress: UInt8 = 2
    public static let illegalDataValue: UInt8 = 3

    public init(exceptionCode: UInt8, reason: String) {
        self.exceptionCode = exceptionCode
        self.reason = reason
    }

    public var description: String { reason }
}
