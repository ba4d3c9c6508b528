/// An operator's instruction to the kernel, applied at the start of the next cycle.
public enum OperatorCommand: Sendable, Hashable {
    /// Take a resource out of control (its set point goes to the fallback) or put it back.
    case setResourceEnabled(resource: Int, enabled: Bool)
    /// Stop or resume following the regulation signal (stopping ramps regulation to zero).
    case setRegulationEnabled(Bool)
}
