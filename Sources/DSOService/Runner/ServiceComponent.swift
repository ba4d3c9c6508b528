public import DSOKernel
public import DSOModel
public import DSORuntime

/// A slower part of the service beside the kernel — the ISO link, the historian, the HTTP API — started
/// after the kernel is built and stopped (flushed) after the last cycle. The seam through which DSOISOLink,
/// DSOHistorian and DSOAPI join `dsod run`.
///
/// All methods except `afterCycle` run on the service's control queue (the one consumer of
/// `kernel.records`). A component that pushes into the kernel's inbound port must be its ring's only
/// producer (the ISO link owns the `.isoLink` ring, the API the `.api` ring through its actor).
public protocol ServiceComponent: AnyObject, Sendable {
    /// Name in logs.
    var name: String { get }
    /// Starts the component (bind sockets, open files); throws with a message naming what failed.
    func start(kernel: ControlKernel) throws
    /// Kernel thread, right after each cycle's step and device exchange. Must not block, wait for a lock,
    /// allocate or do I/O: it delays the next cycle. `stepNanoseconds` is how long `step` took.
    func afterCycle(kernel: ControlKernel, tick: CycleTick, stepNanoseconds: UInt64)
    /// Every finished cycle record, in cycle order (historian, metrics).
    func record(_ record: CycleRecord)
    /// Every kernel event, in order.
    func event(_ event: KernelEvent)
    /// The kernel's verdict on each schedule entry it drained, whoever sent it (configuration files, API,
    /// ISO link, market, a restart's restored intervals), in drain order, with its source and its interval in
    /// UTC: what the audit trail records and what answers the producers.
    func scheduleOutcome(_ verdict: ScheduleVerdict)
    /// Something an operator did to the service outside the API (SIGHUP reload, SIGTERM stop) and its outcome.
    func operatorAction(_ action: ServiceOperatorAction)
    /// SIGHUP: take what can change without a restart; one log line per change applied.
    func reload(_ configuration: ServiceConfiguration) -> [String]
    /// Stops and flushes; called once, after the last cycle and the safe set points.
    func stop()
}

extension ServiceComponent {
    public func afterCycle(kernel: ControlKernel, tick: CycleTick, stepNanoseconds: UInt64) {}
    public func record(_ record: CycleRecord) {}
    public func event(_ event: KernelEvent) {}
    public func scheduleOutcome(_ verdict: ScheduleVerdict) {}
    public func operatorAction(_ action: ServiceOperatorAction) {}
    public func reload(_ configuration: ServiceConfiguration) -> [String] { [] }
}

/// An operator's request to the service by signal (reload, stop), for the audit trail.
public struct ServiceOperatorAction: Sendable, Hashable {
    /// Who asked, as far as the service can tell: `signal:SIGHUP`, `signal:SIGTERM`, `--duration`…
    public var actor: String
    /// `reload` or `stop`.
    public var action: String
    /// What it concerned (the configuration file, the reason).
    public var detail: String
    /// How it ended (the changes applied, or why it was refused).
    public var outcome: String

    public init(actor: String, action: String, detail: String, outcome: String) {
        self.actor = actor
        self.action = action
        self.detail = detail
        self.outcome = outcome
    }
}
