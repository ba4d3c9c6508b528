public import DSOKernel

/// A slower part of the service beside the kernel — the ISO link, the historian, the HTTP API — started
/// after the kernel is built and stopped (flushed) after the last cycle. The seam through which DSOISOLink,
/// DSOHistorian and DSOAPI join `dsod run`.
///
/// All methods run on the service's control queue. A component that pushes into a kernel ring must be that
/// ring's only producer (the ISO link owns `inbound.regulation` whenever `[iso_link]` is configured).
public protocol ServiceComponent: AnyObject, Sendable {
    /// Name in logs.
    var name: String { get }
    /// Starts the component (bind sockets, open files); throws with a message naming what failed.
    func start(kernel: ControlKernel) throws
    /// Every finished cycle record, in cycle order (historian, metrics).
    func record(_ record: CycleRecord)
    /// Every kernel event, in order.
    func event(_ event: KernelEvent)
    /// SIGHUP: take what can change without a restart; one log line per change applied.
    func reload(_ configuration: ServiceConfiguration) -> [String]
    /// Stops and flushes; called once, after the last cycle and the safe set points.
    func stop()
}

extension ServiceComponent {
    public func record(_ record: CycleRecord) {}
    public func event(_ event: KernelEvent) {}
    public func reload(_ configuration: ServiceConfiguration) -> [String] { [] }
}
