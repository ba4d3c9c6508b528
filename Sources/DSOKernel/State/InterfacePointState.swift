public import DSOModel

/// Per-interface-point values computed each cycle and statistics kept over the run, as columns.
public final class InterfacePointState: @unchecked Sendable {
    // Sendable: confined to the kernel thread (see `KernelColumn`).
    public let count: Int
    public let importLimitKW: KernelColumn<Double>
    public let exportLimitKW: KernelColumn<Double>
    public let deviationBandKW: KernelColumn<Double>
    public let hasMeter: KernelColumn<Bool>
    /// First and one-past-last resource index of each interface point's members.
    public let memberStart: KernelColumn<Int>
    public let memberEnd: KernelColumn<Int>

    /// Net import this cycle, kW (metered, else the negative sum of members).
    public let netImportKW: KernelColumn<Double>
    /// Scheduled net import in force, kW.
    public let scheduledKW: KernelColumn<Double>
    /// Net minus schedule, kW.
    public let deviationKW: KernelColumn<Double>
    /// Regulation this interface point's members were asked for, kW (generation-positive, so it lowers import).
    public let regulationRequestKW: KernelColumn<Double>
    /// ACE-like error: (net − schedule) + regulation request, kW. Zero when the area does what was asked.
    public let aceKW: KernelColumn<Double>
    /// The uncontrolled part of the area seen through the meter (net + dispatchable output), smoothed, kW.
    public let uncontrolledKW: KernelColumn<Double>
    /// Schedule offset chosen by SOC management inside the deviation band, kW.
    public let socOffsetKW: KernelColumn<Double>
    public let flags: KernelColumn<UInt8>
    /// Whether the last dispatch could not meet the schedule (events fire on changes).
    public let dispatchInfeasible: KernelColumn<Bool>

    // Run statistics.
    public let deviationSumKW: KernelColumn<Double>
    public let deviationSquareSumKW2: KernelColumn<Double>
    public let deviationMaxAbsKW: KernelColumn<Double>
    public let secondsOutOfBand: KernelColumn<Double>
    public let secondsOutsideLimits: KernelColumn<Double>
    public let infeasibleCycles: KernelColumn<Int>
    public let sampleCount: KernelColumn<Int>

    /// One fixed-storage table per interface point and `ScheduleLayer`, at `point × layers + layer`; the
    /// array itself is never mutated after init.
    public let schedules: [ScheduleTable]

    /// The table of `layer` at `point`.
    @inline(__always)
    public func schedule(_ point: Int, _ layer: ScheduleLayer) -> ScheduleTable {
        schedules[point &* ScheduleLayer.allCases.count &+ Int(layer.rawValue)]
    }

    public init(_ model: SubstationModel, scheduleCapacity: Int) {
        let points = model.interfacePoints
        count = points.count
        importLimitKW = KernelColumn(points.map(\.importLimitKW))
        exportLimitKW = KernelColumn(points.map(\.exportLimitKW))
        deviationBandKW = KernelColumn(points.map(\.deviationBandKW))
        hasMeter = KernelColumn(points.map(\.hasMeter))
        memberStart = KernelColumn(model.memberRanges.map(\.lowerBound))
        memberEnd = KernelColumn(model.memberRanges.map(\.upperBound))
        netImportKW = KernelColumn(count: count, repeating: 0)
        scheduledKW = KernelColumn(count: count, repeating: 0)
        deviationKW = KernelColumn(count: count, repeating: 0)
        regulationRequestKW = KernelColumn(count: count, repeating: 0)
        aceKW = KernelColumn(count: count, repeating: 0)
        uncontrolledKW = KernelColumn(count: count, repeating: .nan)
        socOffsetKW = KernelColumn(count: count, repeating: 0)
        flags = KernelColumn(count: count, repeating: 0)
        dispatchInfeasible = KernelColumn(count: count, repeating: false)
        deviationSumKW = KernelColumn(count: count, repeating: 0)
        deviationSquareSumKW2 = KernelColumn(count: count, repeating: 0)
        deviationMaxAbsKW = KernelColumn(count: count, repeating: 0)
        secondsOutOfBand = KernelColumn(count: count, repeating: 0)
        secondsOutsideLimits = KernelColumn(count: count, repeating: 0)
        infeasibleCycles = KernelColumn(count: count, repeating: 0)
        sampleCount = KernelColumn(count: count, repeating: 0)
        schedules = (0..<count * ScheduleLayer.allCases.count).map { _ in ScheduleTable(capacity: scheduleCapacity) }
    }

    deinit {
        for column in [importLimitKW, exportLimitKW, deviationBandKW, netImportKW, scheduledKW, deviationKW,
                       regulationRequestKW, aceKW, uncontrolledKW, socOffsetKW, deviationSumKW,
                       deviationSquareSumKW2, deviationMaxAbsKW, secondsOutOfBand, secondsOutsideLimits] {
            column.deallocate()
        }
        hasMeter.deallocate(); memberStart.deallocate(); memberEnd.deallocate(); flags.deallocate(); dispatchInfeasible.deallocate()
        infeasibleCycles.deallocate(); sampleCount.deallocate()
    }
}
