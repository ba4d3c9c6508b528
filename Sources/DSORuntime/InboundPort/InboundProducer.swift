/// The producers that may reach the kernel, each with its own ring, in the order the kernel drains them.
///
/// Lowest authority first: when two producers send an interval with the same start in the same cycle, the
/// one drained later replaces the earlier, so an operator's command or the ISO's dispatch target stands
/// over a schedule file or the market layer's plan. Regulation messages come only from the ISO link.
/// The order is fixed (the raw values), so a run with the same inputs is replayable bit for bit.
public enum InboundProducer: UInt8, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// The market and forecast layers: day-ahead and intraday plans.
    case market = 0
    /// Schedule files: the configuration's schedules at start and on SIGHUP, a scenario's schedules.
    case scheduleFiles = 1
    /// The operator HTTP API's schedule submissions.
    case api = 2
    /// The ISO link (or a simulation's stand-in for the ISO): regulation signal, award, dispatch targets.
    case isoLink = 3
    /// Operator commands: regulation on/off, a resource in or out of service.
    case operatorCommands = 4

    public var description: String {
        switch self {
        case .market: "market"
        case .scheduleFiles: "schedule files"
        case .api: "api"
        case .isoLink: "iso link"
        case .operatorCommands: "operator commands"
        }
    }
}
