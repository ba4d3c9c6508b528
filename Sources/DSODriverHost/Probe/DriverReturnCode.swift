import DSODriverABI

/// A driver call's return code with the ABI's meaning, so a bench tool can tell "no answer" from "refused".
public enum DriverReturnCode: Sendable, Hashable, CustomStringConvertible {
    case ok
    /// `DSO_ERROR_IO`: the device did not answer or the link failed.
    case io
    /// `DSO_ERROR_INVALID`: a bad argument (index, value outside limits).
    case invalid
    /// `DSO_ERROR_READ_ONLY`: the point is not writable.
    case readOnly
    /// Any other value the driver returned.
    case other(Int32)

    public init(_ raw: Int32) {
        switch raw {
        case Int32(DSO_OK): self = .ok
        case Int32(DSO_ERROR_IO): self = .io
        case Int32(DSO_ERROR_INVALID): self = .invalid
        case Int32(DSO_ERROR_READ_ONLY): self = .readOnly
        default: self = .other(raw)
        }
    }

    /// The number the driver returned.
    public var rawValue: Int32 {
        switch self {
        case .ok: Int32(DSO_OK)
        case .io: Int32(DSO_ERROR_IO)
        case .invalid: Int32(DSO_ERROR_INVALID)
        case .readOnly: Int32(DSO_ERROR_READ_ONLY)
        case let .other(raw): raw
        }
    }

    /// The ABI's constant name (`DSO_OK`, `DSO_ERROR_IO`…), or the number.
    public var description: String {
        switch self {
        case .ok: "DSO_OK"
        case .io: "DSO_ERROR_IO"
        case .invalid: "DSO_ERROR_INVALID"
        case .readOnly: "DSO_ERROR_READ_ONLY"
        case let .other(raw): "\(raw)"
        }
    }
}
