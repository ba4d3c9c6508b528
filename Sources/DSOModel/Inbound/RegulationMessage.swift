/// What the ISO link (or a simulator) sends the kernel about regulation: a signal sample or an award.
public struct RegulationMessage: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        /// `value` is the normalised regulation signal, −1…1 (+1: raise output).
        case signal
        /// `value` is the awarded regulation capacity, kW.
        case awardKW
    }

    public var kind: Kind
    public var value: Double
    /// The sender's sequence counter; a signal that goes backwards is refused.
    public var sequence: UInt64
    /// When it was received, seconds on the kernel's clock.
    public var receivedSeconds: Double

    public init(kind: Kind, value: Double, sequence: UInt64, receivedSeconds: Double) {
        self.kind = kind
        self.value = value
        self.sequence = sequence
        self.receivedSeconds = receivedSeconds
    }

    public static func signal(_ normalized: Double, sequence: UInt64, at seconds: Double) -> Self {
        Self(kind: .signal, value: normalized, sequence: sequence, receivedSeconds: seconds)
    }

    public static func award(kw: Double, at seconds: Double) -> Self {
        Self(kind: .awardKW, value: kw, sequence: 0, receivedSeconds: seconds)
    }
}
