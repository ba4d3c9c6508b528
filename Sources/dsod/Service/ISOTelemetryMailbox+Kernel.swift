import DSOISOLink
import DSOKernel

/// What the ISO reads, taken from the kernel's records and events (recorder thread). The link module knows
/// no kernel types, so caiso-sim and tools that only talk to the link stay free of the kernel.
extension ISOTelemetryMailbox {
    /// Copies one cycle record.
    func publish(_ record: CycleRecord) {
        publish { telemetry in
            telemetry.kernelSeconds = record.timeSeconds
            telemetry.regulationResponseKW = record.regulationResponseKW
            telemetry.regulationTargetKW = record.regulationTargetKW
            telemetry.availableUpKW = record.regulationAvailableUpKW
            telemetry.availableDownKW = record.regulationAvailableDownKW
            telemetry.aggregateSOC = record.aggregateSOC
            telemetry.awardKW = record.awardKW
            telemetry.signal = record.signal
            telemetry.controllableResources = record.controllableResources
            for point in 0..<min(telemetry.netImportKW.count, record.netImportKW.count) {
                telemetry.netImportKW[point] = record.netImportKW[point]
                telemetry.scheduledKW[point] = record.scheduledKW[point]
                telemetry.aceKW[point] = record.aceKW[point]
                telemetry.flags[point] = record.flags[point]
            }
        }
    }

    /// Notes the events that change the link status.
    func note(_ event: KernelEvent) {
        switch event.code {
        case .regulationSignalStale: setRegulationFallback(true)
        case .regulationSignalResumed: setRegulationFallback(false)
        default: break
        }
    }
}
