/// Anything a slower layer sends the kernel: one element type for every producer's ring, so the kernel
/// drains all producers the same way and a capture can record them all in one format.
public enum InboundMessage: Sendable, Hashable {
    /// An interval of scheduled net import at an interface point.
    case schedule(ScheduleEntry)
    /// A regulation signal sample or award.
    case regulation(RegulationMessage)
    /// An operator's instruction.
    case command(OperatorCommand)
}
