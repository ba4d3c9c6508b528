/// Who an interval of scheduled interchange comes from, in rising authority: the interval in force at an
/// interface point is the highest layer's interval covering now, and when it ends the layer below shows
/// through again (a 5-minute override does not erase the rest of the day-ahead hour).
public enum ScheduleLayer: UInt8, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The day-ahead schedule: configuration and scenario files, the day-ahead plan.
    case dayAhead = 0
    /// Fifteen-minute market (FMM) schedules.
    case fifteenMinute = 1
    /// Real-time dispatch (RTD) schedules, every 5 minutes.
    case realTimeDispatch = 2
    /// The ISO's dispatch operating targets over the ISO link.
    case dispatchTarget = 3
    /// An operator's override (the HTTP API), with its own expiry.
    case operatorOverride = 4

    /// Layers from the highest authority down, stored once so the kernel's lookup allocates nothing.
    public static let fromHighest: [ScheduleLayer] = allCases.reversed()

    /// The name used in files, JSON and logs (`day_ahead`, `operator_override`, …).
    public var description: String {
        switch self {
        case .dayAhead: "day_ahead"
        case .fifteenMinute: "fifteen_minute"
        case .realTimeDispatch: "real_time_dispatch"
        case .dispatchTarget: "dispatch_target"
        case .operatorOverride: "operator_override"
        }
    }

    /// The layer named `text` (as `description` writes it), or nil.
    public init?(name text: String) {
        guard let layer = Self.allCases.first(where: { $0.description == text }) else { return nil }
        self = layer
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let layer = Self(name: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is no schedule layer; expected one of \(Self.allCases.map(\.description).joined(separator: ", "))"))
        }
        self = layer
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
