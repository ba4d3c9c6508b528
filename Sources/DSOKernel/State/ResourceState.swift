/// Per-resource values the kernel carries from cycle to cycle, as columns.
public final class ResourceState: @unchecked Sendable {
    // Sendable: confined to the kernel thread (see `KernelColumn`).
    public let count: Int
    /// Health before the first snapshot: the first verdict raises no event (a start is not a recovery).
    public static let healthNotYetKnown: UInt8 = 0xFF
    /// Health decided by the snapshot phase this cycle (`ResourceHealth` raw values).
    public let health: KernelColumn<UInt8>
    /// Operator enable switch.
    public let enabled: KernelColumn<Bool>
    /// Base point from the dispatch, kW.
    public let basePointKW: KernelColumn<Double>
    /// Regulation share, kW.
    public let regulationKW: KernelColumn<Double>
    /// Final set point published last cycle, kW.
    public let setpointKW: KernelColumn<Double>
    /// Modelled device output from past set points through its known delay and lag, kW.
    public let modelledKW: KernelColumn<Double>
    /// Energy delivered (positive power) and absorbed (negative power), kWh, integrated from telemetry.
    public let energyOutKWh: KernelColumn<Double>
    public let energyInKWh: KernelColumn<Double>
    /// Cycles spent not controllable.
    public let unavailableCycles: KernelColumn<Int>

    // Scratch for the dispatch and regulation phases, sized once (the dispatch bounds are the envelope
    // less the regulation reserve, ramped from the last base point).
    public let dispatchLowerKW: KernelColumn<Double>
    public let dispatchUpperKW: KernelColumn<Double>
    public let effectiveCostLinear: KernelColumn<Double>
    public let dispatchKW: KernelColumn<Double>
    public let regulationUpKW: KernelColumn<Double>
    public let regulationDownKW: KernelColumn<Double>

    /// Past set points per resource, `historyLength` cycles deep, for the delay model (row = resource).
    public let setpointHistoryKW: KernelColumn<Double>
    public let historyLength: Int

    public init(count: Int, historyLength: Int) {
        self.count = count
        self.historyLength = historyLength
        health = KernelColumn(count: count, repeating: ResourceState.healthNotYetKnown)
        enabled = KernelColumn(count: count, repeating: true)
        basePointKW = KernelColumn(count: count, repeating: 0)
        regulationKW = KernelColumn(count: count, repeating: 0)
        setpointKW = KernelColumn(count: count, repeating: 0)
        modelledKW = KernelColumn(count: count, repeating: 0)
        energyOutKWh = KernelColumn(count: count, repeating: 0)
        energyInKWh = KernelColumn(count: count, repeating: 0)
        unavailableCycles = KernelColumn(count: count, repeating: 0)
        dispatchLowerKW = KernelColumn(count: count, repeating: 0)
        dispatchUpperKW = KernelColumn(count: count, repeating: 0)
        effectiveCostLinear = KernelColumn(count: count, repeating: 0)
        dispatchKW = KernelColumn(count: count, repeating: 0)
        regulationUpKW = KernelColumn(count: count, repeating: 0)
        regulationDownKW = KernelColumn(count: count, repeating: 0)
        setpointHistoryKW = KernelColumn(count: count * historyLength, repeating: 0)
    }

    deinit {
        health.deallocate(); enabled.deallocate(); unavailableCycles.deallocate()
        for column in [basePointKW, regulationKW, setpointKW, modelledKW, energyOutKWh, energyInKWh, dispatchLowerKW,
                       dispatchUpperKW, effectiveCostLinear, dispatchKW, regulationUpKW, regulationDownKW,
                       setpointHistoryKW] {
            column.deallocate()
        }
    }
}
