/// One interval of an interface point's scheduled net interchange, as a producer sends it to the kernel.
public struct ScheduleEntry: Sendable, Hashable, Codable {
    /// Index of the interface point in the substation model.
    public var interfacePoint: Int
    /// Interval start, seconds on the kernel's clock (inclusive).
    public var startSeconds: Double
    /// Interval end, seconds on the kernel's clock (exclusive).
    public var endSeconds: Double
    /// Scheduled net import, kW (negative: export).
    public var netImportKW: Double
    /// Whose interval it is; the highest layer covering now is in force.
    public var layer: ScheduleLayer
    /// The producer's number for this entry, so the kernel's verdict on it (`ScheduleOutcome`) can be matched
    /// to the request; not part of the JSON.
    public var ticket: UInt32

    public init(interfacePoint: Int, startSeconds: Double, endSeconds: Double, netImportKW: Double,
                layer: ScheduleLayer = .dayAhead, ticket: UInt32 = 0) {
        self.interfacePoint = interfacePoint
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.netImportKW = netImportKW
        self.layer = layer
        self.ticket = ticket
    }

    enum CodingKeys: String, CodingKey {
        case interfacePoint, startSeconds, endSeconds, netImportKW, layer
    }

    /// `layer` may be left out (the producer's own layer applies: `dayAhead` unless it says otherwise).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        interfacePoint = try container.decode(Int.self, forKey: .interfacePoint)
        startSeconds = try container.decode(Double.self, forKey: .startSeconds)
        endSeconds = try container.decode(Double.self, forKey: .endSeconds)
        netImportKW = try container.decode(Double.self, forKey: .netImportKW)
        layer = try container.decodeIfPresent(ScheduleLayer.self, forKey: .layer) ?? .dayAhead
        ticket = 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(interfacePoint, forKey: .interfacePoint)
        try container.encode(startSeconds, forKey: .startSeconds)
        try container.encode(endSeconds, forKey: .endSeconds)
        try container.encode(netImportKW, forKey: .netImportKW)
        try container.encode(layer, forKey: .layer)
    }
}
