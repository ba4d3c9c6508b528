import DSOAPI
import DSOHistorian
import DSOISOLink
import DSOKernel
import DSOModel
import DSORuntime
import DSOService

/// The ISO link (Modbus TCP) in `dsod run`: the link thread is the one producer of the inbound port's
/// ISO ring (regulation signal, award, dispatch operating targets, stamped through the run's epoch), and
/// each cycle record is published to the link's telemetry mailbox for the ISO to read.
final class ISOLinkComponent: ServiceComponent, @unchecked Sendable {
    // Sendable: every stored property is immutable and Sendable, or (the historian) thread-safe.
    let name = "iso link"
    let server: ISOLinkServer
    private let telemetry: ISOTelemetryMailbox

    init(settings: ServiceConfiguration.ISOLinkSettings, model: SubstationModel, initialAwardMW: Double,
         signalTTLSeconds: Double, port: InboundPort, epoch: KernelEpoch, historian: Historian?,
         log: ServiceLog) throws(ISOLinkError) {
        let writers = try ISOLinkConfiguration.parseWriters(settings.writers.joined(separator: ","))
        let configuration = try ISOLinkConfiguration(
            endpoint: ISOEndpoint(parsing: settings.listen), writers: writers, model: model,
            initialAwardMW: initialAwardMW, signalTTLSeconds: signalTTLSeconds,
            connections: ISOConnectionLimits(maximumClients: settings.maximumClients, writerSlots: settings.writerSlots,
                                             idleTimeoutSeconds: settings.idleTimeoutSeconds,
                                             requestDeadlineSeconds: settings.requestDeadlineSeconds))
        telemetry = ISOTelemetryMailbox(interfacePointCount: model.interfacePoints.count)
        server = try ISOLinkServer(configuration: configuration, port: port, epoch: epoch, telemetry: telemetry,
                                   log: { line in Self.write(line, to: log) })
    }

    func start(kernel: ControlKernel) throws {
        try server.start()
    }

    /// A refused write is a security-relevant event (someone wrote what the ISO may not, or from where it may
    /// not): a warning in the journal, so an operator filtering `-p warning` sees it; the rest is information.
    static func write(_ line: String, to log: ServiceLog) {
        if line.hasPrefix("iso-link: refused") { log.warning(line) } else { log.info(line) }
    }

    func record(_ record: CycleRecord) {
        telemetry.publish(record)
    }

    /// A dispatch operating target the link answered OK but the kernel refused raises the ISO's alarm
    /// (input register 17, bit 4) until a later target is taken.
    func scheduleOutcome(_ verdict: ScheduleVerdict) {
        guard verdict.outcome.producer == .isoLink else { return }
        telemetry.setDispatchTargetRefused(!verdict.outcome.verdict.isAccepted)
    }

    func event(_ event: KernelEvent) {
        telemetry.note(event)
    }

    func stop() {
        server.stop()
    }
}
