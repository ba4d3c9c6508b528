/// Per-resource values the kernel carries from cycle to cycle, as columns.
public final class ResourceState: @unchecked Sendable {
    // Sendable: confined to the kernel thread (see `FixedColumn`).
    public let count: Int
    /// Health before the first snapshot: the first verdict raises no event (a start is not a recovery).
    public static let healthNotYetKnown: UInt8 = 0xFF
    /// Health decided by the snapshot phase this cycle (`ResourceHealth` raw values).
    public let health: FixedColumn<UInt8>
    /// Operator enable switch.
    public let enabled: FixedColumn<Bool>
    /// Base point from the dispatch, kW.
    public let basePointKW: FixedColumn<Double>
    /// Regulation share, kW.
    public let regulationKW: FixedColumn<Double>
    /// Final set point published last cycle, kW.
    public let setpointKW: FixedColumn<Double>
    /// Modelled device output from past set points through its known delay and lag, kW.
    public let modelledKW: FixedColumn<Double>
    /// Energy delivered (positive power) and absorbed (negative power), kWh, integrated from telemetry.
    public let energyOutKWh: FixedColumn<Double>
    public let energyInKWh: FixedColumn<Double>
    /// Cycles spent not controllable.
    public let unavailableCycles: FixedColumn<Int>

    // Scratch for the dispatch and regulation phases, sized once.
    public let lowerKW: FixedColumn<Double>
    public let upperKW: FixedColumn<Double>
    public let effectiveCostLinear: FixedColumn<Double>
    public let dispatchKW: FixedColumn<Double>
    public let regulationUpKW: FixedColumn<Double>
    public let regulationDownKW: FixedColumn<Double>

    /// Past set points per resource, `historyLength` cycles deep, for the delay model (row = resource).
    public let setpointHistoryKW: FixedColumn<Double>
    public let historyLength: Int

    public init(count: Int, historyLength: Int) {
        self.count = count
        self.historyLength = historyLength
        health = FixedColumn(count: count, repeating: ResourceState.healthNotYetKnown)
        enabled = FixedColumn(count: count, repeating: true)
        basePointKW = FixedColumn(count: count, repeating: 0)
        regulationKW = FixedColumn(count: count, repeating: 0)
        setpointKW = FixedColumn(count: count, repeating: 0)
        modelledKW = FixedColumn(count: count, repeating: 0)
        energyOutKWh = FixedColumn(count: count, repeating: 0)
        energyInKWh = FixedColumn(count: count, repeating: 0)
        unavailableCycles = FixedColumn(count: count, repeating: 0)
        lowerKW = FixedColumn(count: count, repeating: 0)
        upperKW = FixedColumn(count: count, repeating: 0)
        effectiveCostLinear = FixedColumn(count: count, repeating: 0)
        dispatchKW = FixedColumn(count: count, repeating: 0)
        regulationUpKW = FixedColumn(count: count, repeating: 0)
        regulationDownKW = FixedColumn(count: count, repeating: 0)
        setpointHistoryKW = FixedColumn(count: count * historyLength, repeating: 0)
    }

    deinit {
        health.deallocate(); enabled.deallocate(); unavailableCycles.deallocate()
        for column in [basePointKW, regulationKW, setpointKW, modelledKW, energyOutKWh, energyInKWh, lowerKW, upperKW,
                       effectiveCostLinear, dispatchKW, regulationUpKW, regulationDownKW, setpointHistoryKW] {
            column.deallocate()
        }
    }
}
