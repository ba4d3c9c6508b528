/// Something the operator should hear about, raised by the kernel on a change of state (never per cycle).
///
/// Events leave the kernel through a ring and are logged and stored by slower layers; the kernel itself
/// does no I/O.
public struct KernelEvent: Sendable, Hashable {
    public enum Code: UInt16, Sendable, Hashable, CaseIterable {
        case resourceUnavailable, resourceRecovered
        case meterUnavailable, meterRecovered
        case interfaceOutOfBand, interfaceBackInBand
        case interfaceLimitExceeded, interfaceBackInsideLimits
        case dispatchInfeasible, dispatchFeasibleAgain
        case regulationSignalStale, regulationSignalResumed
        case regulationMessageRefused, scheduleRefused, commandRefused
    }

    public var code: Code
    /// Seconds on the kernel's clock.
    public var timeSeconds: Double
    /// Resource or interface point index the event is about (−1: the whole kernel).
    public var subject: Int32
    /// A value that explains the event (health code, deviation kW, the refused value…).
    public var value: Double
    /// A second value where one helps (the limit, the previous sequence…).
    public var detail: Double

    public init(code: Code, timeSeconds: Double, subject: Int32, value: Double = .nan, detail: Double = .nan) {
        self.code = code
        self.timeSeconds = timeSeconds
        self.subject = subject
        self.value = value
        self.detail = detail
    }
}
