/// Phase 8: copies the cycle's outcome into a free record frame and hands it to the recorder.
///
/// No frame free means the recorder is behind: the record is skipped and counted, the cycle goes on.
public enum RecordPhase {
    public static func run(_ kernel: ControlKernel) {
        guard let frameIndex = kernel.records.free.pop() else {
            kernel.counters.droppedRecords &+= 1
            return
        }
        let record = kernel.records.frames[Int(frameIndex)]
        let regulation = kernel.regulation
        record.cycleIndex = kernel.cycleIndex
        record.timeSeconds = kernel.nowSeconds
        record.signal = regulation.signal
        record.awardKW = regulation.awardKW
        record.regulationTargetKW = regulation.targetKW
        record.regulationCommandKW = regulation.commandKW
        record.regulationResponseKW = regulation.responseKW
        record.regulationAvailableUpKW = regulation.availableUpKW
        record.regulationAvailableDownKW = regulation.availableDownKW
        record.aggregateSOC = regulation.aggregateSOC
        record.setpointDigest = kernel.setpointDigest
        var controllable = 0
        for index in 0..<kernel.resources.count
        where kernel.envelope.controllable[index] {
            controllable &+= 1
        }
        record.controllableResources = controllable
        let points = kernel.interfacePoints
        record.netImportKW.copy(from: points.netImportKW)
        record.scheduledKW.copy(from: points.scheduledKW)
        record.aceKW.copy(from: points.aceKW)
        record.regulationRequestKW.copy(from: points.regulationRequestKW)
        record.flags.copy(from: points.flags)
        _ = kernel.records.filled.push(frameIndex)
    }
}
