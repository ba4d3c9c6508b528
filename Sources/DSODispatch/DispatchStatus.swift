/// How a dispatch solve ended, so the kernel can tell a clean clear from a degraded one without traps.
public enum DispatchStatus: Sendable, Hashable {
    /// The target was met at least cost; every resource sits on the clearing incremental cost.
    case optimal
    /// The target exceeds the sum of upper limits: every resource is at its upper limit.
    case shortOfTarget
    /// The target is below the sum of lower limits: every resource is at its lower limit.
    case excessOverTarget
    /// A resource has a non-finite bound or cost, a negative quadratic cost, or lower > upper.
    case invalidResource(index: Int)
    /// The target itself is NaN or infinite.
    case invalidTarget
    /// The buffers differ in length or exceed the solver's preallocated capacity.
    case mismatchedBuffers
}

extension DispatchStatus {
    /// True when the output is a least-cost dispatch (clamped to the feasible range when infeasible).
    public var isUsable: Bool {
        switch self {
        case .optimal, .shortOfTarget, .excessOverTarget: true
        case .invalidResource, .invalidTarget, .mismatchedBuffers: false
        }
    }
}
