public import DSOModel
public import DSORuntime

/// The three rings through which slower layers talk to the kernel; each has one producer thread.
///
/// The market layer pushes schedules, the ISO link pushes regulation messages, the operator API pushes
/// commands. The kernel drains all three at the start of each cycle. A full ring refuses the push and
/// counts it: the producer learns at once and retries, nothing is lost silently.
public final class KernelInbound: Sendable {
    public let schedules: SPSCRing<ScheduleEntry>
    public let regulation: SPSCRing<RegulationMessage>
    public let commands: SPSCRing<OperatorCommand>

    public init(scheduleCapacity: Int = 1024, regulationCapacity: Int = 256, commandCapacity: Int = 64) {
        schedules = SPSCRing(capacity: scheduleCapacity)
        regulation = SPSCRing(capacity: regulationCapacity)
        commands = SPSCRing(capacity: commandCapacity)
    }
}
