public import DSORuntime
/// One cycle's outcome, written by the record phase into a preallocated frame for the recorder.
public final class CycleRecord: @unchecked Sendable {
    // Sendable: a frame is owned by exactly one side at a time; ownership passes through the SPSC rings
    // of `RecordChannel` (release on push, acquire on pop), which orders every write before the read.
    public var cycleIndex: Int64 = 0
    public var timeSeconds: Double = 0
    public var signal: Double = 0
    public var awardKW: Double = 0
    /// Regulation asked for this cycle (signal × award, ramped on link loss), kW.
    public var regulationTargetKW: Double = 0
    /// The command after feed-forward and correction, kW.
    public var regulationCommandKW: Double = 0
    /// Measured regulation response of the fleet, kW.
    public var regulationResponseKW: Double = 0
    public var regulationAvailableUpKW: Double = 0
    public var regulationAvailableDownKW: Double = 0
    public var aggregateSOC: Double = .nan
    public var controllableResources: Int = 0
    /// Running digest of every published set point, for bit-exact replay checks.
    public var setpointDigest: UInt64 = 0

    public let netImportKW: FixedColumn<Double>
    public let scheduledKW: FixedColumn<Double>
    public let aceKW: FixedColumn<Double>
    public let regulationRequestKW: FixedColumn<Double>
    public let flags: FixedColumn<UInt8>

    public init(interfacePointCount: Int) {
        netImportKW = FixedColumn(count: interfacePointCount, repeating: 0)
        scheduledKW = FixedColumn(count: interfacePointCount, repeating: 0)
        aceKW = FixedColumn(count: interfacePointCount, repeating: 0)
        regulationRequestKW = FixedColumn(count: interfacePointCount, repeating: 0)
        flags = FixedColumn(count: interfacePointCount, repeating: 0)
    }

    deinit {
        netImportKW.deallocate(); scheduledKW.deallocate(); aceKW.deallocate()
        regulationRequestKW.deallocate(); flags.deallocate()
    }
}
