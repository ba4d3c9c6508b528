/// One interval's day-ahead energy bid of an interface point's aggregation, as CAISO takes it: a self-schedule
/// (MW the DSO will take or give whatever the price: its inflexible net position) and an economic staircase of
/// at most 10 segments over the flexible range, prices non-decreasing as output rises. MW generation-positive.
public struct EnergyBid: Sendable, Hashable, Codable {
    /// One step of the staircase: output from `fromMW` to `toMW` offered at `pricePerMWh`.
    public struct Segment: Sendable, Hashable, Codable {
        public var fromMW: Double
        public var toMW: Double
        public var pricePerMWh: Double

        public init(fromMW: Double, toMW: Double, pricePerMWh: Double) {
            self.fromMW = fromMW
            self.toMW = toMW
            self.pricePerMWh = pricePerMWh
        }
    }

    public var interfacePoint: String
    /// Start of the interval, seconds since 1970 UTC, and its length.
    public var startUnixSeconds: Int64
    public var minutes: Int
    /// Output the aggregation self-schedules (negative: it consumes), MW.
    public var selfScheduleMW: Double
    public var segments: [Segment]

    public init(interfacePoint: String, startUnixSeconds: Int64, minutes: Int, selfScheduleMW: Double, segments: [Segment]) {
        self.interfacePoint = interfacePoint
        self.startUnixSeconds = startUnixSeconds
        self.minutes = minutes
        self.selfScheduleMW = selfScheduleMW
        self.segments = segments
    }
}

/// A capacity offer for one ancillary service in one interval: regulation up (`RU`), regulation down (`RD`),
/// spinning reserve (`SR`), MW at a price per MW and hour.
public struct AncillaryOffer: Sendable, Hashable, Codable {
    public var interfacePoint: String
    public var startUnixSeconds: Int64
    public var minutes: Int
    public var product: String
    public var mw: Double
    public var pricePerMW: Double

    public init(interfacePoint: String, startUnixSeconds: Int64, minutes: Int, product: String, mw: Double, pricePerMW: Double) {
        self.interfacePoint = interfacePoint
        self.startUnixSeconds = startUnixSeconds
        self.minutes = minutes
        self.product = product
        self.mw = mw
        self.pricePerMW = pricePerMW
    }
}
