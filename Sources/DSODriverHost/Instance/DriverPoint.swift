import DSODriverABI

/// One point of a driver instance as the driver describes it (`dso_point_info`), copied into Swift.
public struct DriverPoint: Sendable, Hashable {
    /// What a point is.
    public enum Kind: Int32, Sendable, Hashable {
        case measurement = 0, setpoint = 1, status = 2
    }

    public var name: String
    /// "kW", "kWh", "%", "V", "A", "degC" or "".
    public var unit: String
    public var kind: Kind
    public var isWritable: Bool
    /// Physical lower limit in `unit` (−∞ when none).
    public var minimum: Double
    /// Physical upper limit in `unit` (+∞ when none).
    public var maximum: Double

    public init(name: String, unit: String, kind: Kind, isWritable: Bool, minimum: Double, maximum: Double) {
        self.name = name
        self.unit = unit
        self.kind = kind
        self.isWritable = isWritable
        self.minimum = minimum
        self.maximum = maximum
    }

    init?(_ info: dso_point_info) {
        guard let name = info.name else { return nil }
        self.name = String(cString: name)
        unit = info.unit.map { String(cString: $0) } ?? ""
        kind = Kind(rawValue: info.kind) ?? .measurement
        isWritable = info.writable != 0
        minimum = info.minimum.isNaN ? -.infinity : info.minimum
        maximum = info.maximum.isNaN ? .infinity : info.maximum
    }

    /// Whether `value` is a number inside the declared limits.
    @inline(__always)
    func admits(_ value: Double) -> Bool { value.isFinite && value >= minimum && value <= maximum }
}
