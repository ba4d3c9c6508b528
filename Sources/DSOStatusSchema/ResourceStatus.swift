/// One resource: what it is, its latest telemetry and the set point the kernel published for it.
public struct ResourceStatus: Sendable, Hashable, Codable {
    public var index: Int
    public var id: String
    /// `battery`, `pv`, `load`, `demandResponse`.
    public var kind: String
    public var interfacePoint: Int
    /// `ok`, `stale`, `invalid`, `fault`, `disabled`, `unknown`.
    public var health: String
    public var telemetry: Telemetry
    public var setpoint: Setpoint

    /// Latest measured values (generation-positive kW).
    public struct Telemetry: Sendable, Hashable, Codable {
        public var measuredKW: Double?
        public var availableUpKW: Double?
        public var availableDownKW: Double?
        public var soc: Double?
        public var faultCode: Int
        /// Age of the telemetry at the snapshot's kernel time, s (nil: never received).
        public var ageSeconds: Double?

        public init(measuredKW: Double?, availableUpKW: Double?, availableDownKW: Double?, soc: Double?,
                    faultCode: Int, ageSeconds: Double?) {
            self.measuredKW = measuredKW
            self.availableUpKW = availableUpKW
            self.availableDownKW = availableDownKW
            self.soc = soc
            self.faultCode = faultCode
            self.ageSeconds = ageSeconds
        }
    }

    /// The published set point and its parts.
    public struct Setpoint: Sendable, Hashable, Codable {
        public var kw: Double?
        public var basePointKW: Double?
        public var regulationKW: Double?
        /// Time left until the set point expires, s, at the snapshot's kernel time.
        public var validForSeconds: Double?
        public var isFallback: Bool

        public init(kw: Double?, basePointKW: Double?, regulationKW: Double?, validForSeconds: Double?, isFallback: Bool) {
            self.kw = kw
            self.basePointKW = basePointKW
            self.regulationKW = regulationKW
            self.validForSeconds = validForSeconds
            self.isFallback = isFallback
        }
    }

    public init(index: Int, id: String, kind: String, interfacePoint: Int, health: String, telemetry: Telemetry,
                setpoint: Setpoint) {
        self.index = index
        self.id = id
        self.kind = kind
        self.interfacePoint = interfacePoint
        self.health = health
        self.telemetry = telemetry
        self.setpoint = setpoint
    }
}
