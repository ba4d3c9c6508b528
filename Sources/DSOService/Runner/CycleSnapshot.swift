import DSOKernel

/// The values of the latest cycle record the status line and the log need, copied out of the frame.
struct CycleSnapshot {
    var cycleIndex: Int64 = -1
    var timeSeconds = 0.0
    var awardKW = 0.0
    var regulationTargetKW = 0.0
    var regulationResponseKW = 0.0
    var aggregateSOC = Double.nan
    var controllableResources = 0
    var netImportKW: [Double] = []
    var scheduledKW: [Double] = []

    mutating func take(_ record: CycleRecord, interfacePoints: Int) {
        cycleIndex = record.cycleIndex
        timeSeconds = record.timeSeconds
        awardKW = record.awardKW
        regulationTargetKW = record.regulationTargetKW
        regulationResponseKW = record.regulationResponseKW
        aggregateSOC = record.aggregateSOC
        controllableResources = record.controllableResources
        if netImportKW.count != interfacePoints {
            netImportKW = Array(repeating: 0, count: interfacePoints)
            scheduledKW = Array(repeating: 0, count: interfacePoints)
        }
        for point in 0..<interfacePoints {
            netImportKW[point] = record.netImportKW[point]
            scheduledKW[point] = record.scheduledKW[point]
        }
    }
}
