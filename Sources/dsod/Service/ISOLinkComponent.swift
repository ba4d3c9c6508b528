import DSOAPI
import DSOHistorian
import DSOISOLink
import DSOKernel
import DSOModel
import DSORuntime
import DSOService

/// The ISO link (Modbus TCP) in `dsod run`: the ISO's regulation messages reach the kernel's regulation ring,
/// its dispatch operating targets go through the service's one serialized schedule submitter, and each cycle
/// record is published to the link's telemetry board for the ISO to read.
///
/// The link thread pushes into a ring of its own (`linkInbound`); the two sides of it are forwarded so that
/// each kernel ring keeps one producer: regulation messages by the kernel thread right after each step (no
/// added delay: the kernel drains its ring at the start of the next step), operating targets by the control
/// queue through the shared submitter (which takes a lock, so never on the kernel thread).
final class ISOLinkComponent: ServiceComponent, @unchecked Sendable {
    // Sendable: `heldRegulation` is touched only by the kernel thread (`afterCycle`); `pendingSchedules` only
    // on the control queue (`record`, `stop`); the rest is immutable or Sendable.
    let name = "iso link"
    let server: ISOLinkServer
    private let linkInbound: KernelInbound
    private let board: ISOTelemetryBoard
    private let submitter: SerializedScheduleSubmitter
    private let historian: Historian?
    private var heldRegulation: RegulationMessage?
    private var pendingSchedules: [ScheduleEntry] = []

    init(settings: ServiceConfiguration.ISOLinkSettings, model: SubstationModel, initialAwardMW: Double,
         signalTTLSeconds: Double, submitter: SerializedScheduleSubmitter, historian: Historian?,
         log: ServiceLog) throws(ISOLinkError) {
        let writers = try ISOLinkConfiguration.parseWriters(settings.writers.joined(separator: ","))
        let configuration = try ISOLinkConfiguration(
            endpoint: ISOEndpoint(parsing: settings.listen), writers: writers, model: model,
            initialAwardMW: initialAwardMW, signalTTLSeconds: signalTTLSeconds)
        linkInbound = KernelInbound()
        board = ISOTelemetryBoard(interfacePointCount: model.interfacePoints.count)
        // The service loads the configured schedules itself; the link starts with none of its own.
        server = try ISOLinkServer(configuration: configuration, inbound: linkInbound, board: board,
                                   log: { line in log.info(line) })
        self.submitter = submitter
        self.historian = historian
    }

    func start(kernel: ControlKernel) throws {
        try server.start()
    }

    func afterCycle(kernel: ControlKernel, tick: CycleTick, stepNanoseconds: UInt64) {
        if let held = heldRegulation {
            guard kernel.inbound.regulation.push(held) else { return }
            heldRegulation = nil
        }
        while let message = linkInbound.regulation.pop() {
            guard kernel.inbound.regulation.push(message) else {
                heldRegulation = message
                return
            }
        }
    }

    func record(_ record: CycleRecord) {
        board.publish(record)
        forwardSchedules()
    }

    func event(_ event: KernelEvent) {
        board.note(event)
    }

    func stop() {
        server.stop()
    }

    /// Operating targets from the link to the kernel, in order; what the ring refuses waits for the next record.
    private func forwardSchedules() {
        while let entry = linkInbound.schedules.pop() { pendingSchedules.append(entry) }
        guard !pendingSchedules.isEmpty else { return }
        let taken = submitter.submit(pendingSchedules)
        if taken > 0, let historian {
            let now = WallClock.nowUnixSeconds()
            for entry in pendingSchedules.prefix(taken) {
                historian.record(.schedule(ScheduleReceipt(wallTimeSeconds: now, source: "iso-link", entry: entry, accepted: true)))
            }
        }
        pendingSchedules.removeFirst(taken)
    }
}
