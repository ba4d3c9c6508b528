/// Why a configured cycle period was refused: names the value and the allowed range so the
/// operator can fix the configuration without reading code.
public struct CyclePeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refused period in nanoseconds.
    public let requestedNanoseconds: Int64

    public init(requestedNanoseconds: Int64) {
        self.requestedNanoseconds = requestedNanoseconds
    }

    public var description: String {
        "cycle period \(formatNanoseconds(requestedNanoseconds)) (\(requestedNanoseconds) ns) is outside the allowed range "
            + "\(formatNanoseconds(CyclePeriod.minimumNanoseconds)) to \(formatNanoseconds(CyclePeriod.maximumNanoseconds))"
    }
}
