public import DSOModel
public import DSORuntime

/// The kernel's verdict on one schedule entry, sent back out so whoever answered the producer (the API,
/// the ISO link, the audit trail) tells what the kernel did, not what was asked.
public struct ScheduleOutcome: Sendable, Hashable {
    /// Why an entry was taken or refused.
    public enum Verdict: UInt8, Sendable, Hashable, CustomStringConvertible {
        /// A new interval in its layer's table.
        case accepted
        /// It replaced the interval with the same start in its layer.
        case replaced
        /// No such interface point.
        case unknownInterfacePoint
        /// A time or value that is not finite, or an end not after the start.
        case invalidValues
        /// The interval had already ended when the kernel drained it.
        case alreadyEnded
        /// It ends further ahead than `KernelConfiguration.scheduleHorizonSeconds`.
        case beyondHorizon
        /// The layer's table is full of intervals still in force.
        case tableFull

        public var isAccepted: Bool { self == .accepted || self == .replaced }

        public var description: String {
            switch self {
            case .accepted: "accepted"
            case .replaced: "replaced the interval with the same start"
            case .unknownInterfacePoint: "refused: no such interface point"
            case .invalidValues: "refused: a value is not finite or the end is not after the start"
            case .alreadyEnded: "refused: the interval had already ended"
            case .beyondHorizon: "refused: it ends beyond the kernel's schedule horizon"
            case .tableFull: "refused: the layer's schedule table is full of intervals in force"
            }
        }
    }

    public var producer: InboundProducer
    public var entry: ScheduleEntry
    public var verdict: Verdict
    /// When the kernel decided, seconds on its clock.
    public var timeSeconds: Double

    public init(producer: InboundProducer, entry: ScheduleEntry, verdict: Verdict, timeSeconds: Double) {
        self.producer = producer
        self.entry = entry
        self.verdict = verdict
        self.timeSeconds = timeSeconds
    }
}
