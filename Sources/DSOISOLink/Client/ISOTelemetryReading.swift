/// Telemetry as read from the input registers, decoded into engineering units.
public struct ISOTelemetryReading: Sendable, Hashable {
    public var regulationResponseMW: Double
    public var regulationTargetMW: Double
    public var availableUpMW: Double
    public var availableDownMW: Double
    public var aggregateSOC: Double
    public var awardMW: Double
    public var signal: Double
    public var lastSequence: UInt32
    public var status: ISOStatus
    public var alarms: ISOAlarms
    public var refusedWrites: Int
    public var controllableResources: Int
    public var kernelSeconds: UInt32
    public var heartbeat: UInt16
    /// Per interface point, MW.
    public var netImportMW: [Double]
    public var scheduleMW: [Double]
    public var aceMW: [Double]
    public var flags: [UInt16]

    /// Decodes registers 0…23 (`head`) and `interfacePointCount` blocks of 8 from register 100.
    public init(head: [UInt16], interfacePointBlocks: [UInt16], interfacePointCount: Int) {
        func float(_ address: Int, _ registers: [UInt16] = head) -> Double {
            Double(RegisterWords.float(high: registers[address], low: registers[address + 1]))
        }
        regulationResponseMW = float(ISORegisterMap.regulationResponseMW)
        regulationTargetMW = float(ISORegisterMap.regulationTargetMW)
        availableUpMW = float(ISORegisterMap.availableUpMW)
        availableDownMW = float(ISORegisterMap.availableDownMW)
        aggregateSOC = float(ISORegisterMap.aggregateSOC)
        awardMW = float(ISORegisterMap.awardInEffectMW)
        signal = float(ISORegisterMap.signalInEffect)
        lastSequence = RegisterWords.uint32(high: head[ISORegisterMap.lastSequence], low: head[ISORegisterMap.lastSequence + 1])
        status = ISOStatus(rawValue: head[ISORegisterMap.status])
        alarms = ISOAlarms(rawValue: head[ISORegisterMap.alarms])
        refusedWrites = Int(head[ISORegisterMap.refusedWrites])
        controllableResources = Int(head[ISORegisterMap.controllableResources])
        kernelSeconds = RegisterWords.uint32(high: head[ISORegisterMap.kernelTimeSeconds],
                                             low: head[ISORegisterMap.kernelTimeSeconds + 1])
        heartbeat = head[ISORegisterMap.heartbeat]
        netImportMW = []; scheduleMW = []; aceMW = []; flags = []
        for point in 0..<interfacePointCount {
            let first = point * ISORegisterMap.interfacePointStride
            netImportMW.append(float(first + ISORegisterMap.netImportOffset, interfacePointBlocks))
            scheduleMW.append(float(first + ISORegisterMap.scheduleOffset, interfacePointBlocks))
            aceMW.append(float(first + ISORegisterMap.aceOffset, interfacePointBlocks))
            flags.append(interfacePointBlocks[first + ISORegisterMap.flagsOffset])
        }
    }
}
