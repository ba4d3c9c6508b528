public import DSOModel

/// Per-interface-point values computed each cycle and statistics kept over the run, as columns.
public final class InterfacePointState: @unchecked Sendable {
    // Sendable: confined to the kernel thread (see `FixedColumn`).
    public let count: Int
    public let importLimitKW: FixedColumn<Double>
    public let exportLimitKW: FixedColumn<Double>
    public let deviationBandKW: FixedColumn<Double>
    public let hasMeter: FixedColumn<Bool>
    /// First and one-past-last resource index of each interface point's members.
    public let memberStart: FixedColumn<Int>
    public let memberEnd: FixedColumn<Int>

    /// Net import this cycle, kW (metered, else the negative sum of members).
    public let netImportKW: FixedColumn<Double>
    /// Scheduled net import in force, kW.
    public let scheduledKW: FixedColumn<Double>
    /// Net minus schedule, kW.
    public let deviationKW: FixedColumn<Double>
    /// Regulation this interface point's members were asked for, kW (generation-positive, so it lowers import).
    public let regulationRequestKW: FixedColumn<Double>
    /// ACE-like error: (net − schedule) + regulation request, kW. Zero when the area does what was asked.
    public let aceKW: FixedColumn<Double>
    /// The uncontrolled part of the area seen through the meter (net + dispatchable output), smoothed, kW.
    public let uncontrolledKW: FixedColumn<Double>
    /// Schedule offset chosen by SOC management inside the deviation band, kW.
    public let socOffsetKW: FixedColumn<Double>
    public let flags: FixedColumn<UInt8>
    /// Whether the last dispatch could not meet the schedule (events fire on changes).
    public let dispatchInfeasible: FixedColumn<Bool>

    // Run statistics.
    public let deviationSumKW: FixedColumn<Double>
    public let deviationSquareSumKW2: FixedColumn<Double>
    public let deviationMaxAbsKW: FixedColumn<Double>
    public let secondsOutOfBand: FixedColumn<Double>
    public let secondsOutsideLimits: FixedColumn<Double>
    public let infeasibleCycles: FixedColumn<Int>
    public let sampleCount: FixedColumn<Int>

    public var schedules: [ScheduleTable]

    public init(_ model: SubstationModel, scheduleCapacity: Int) {
        let points = model.interfacePoints
        count = points.count
        importLimitKW = FixedColumn(points.map(\.importLimitKW))
        exportLimitKW = FixedColumn(points.map(\.exportLimitKW))
        deviationBandKW = FixedColumn(points.map(\.deviationBandKW))
        hasMeter = FixedColumn(points.map(\.hasMeter))
        memberStart = FixedColumn(model.memberRanges.map(\.lowerBound))
        memberEnd = FixedColumn(model.memberRanges.map(\.upperBound))
        netImportKW = FixedColumn(count: count, repeating: 0)
        scheduledKW = FixedColumn(count: count, repeating: 0)
        deviationKW = FixedColumn(count: count, repeating: 0)
        regulationRequestKW = FixedColumn(count: count, repeating: 0)
        aceKW = FixedColumn(count: count, repeating: 0)
        uncontrolledKW = FixedColumn(count: count, repeating: .nan)
        socOffsetKW = FixedColumn(count: count, repeating: 0)
        flags = FixedColumn(count: count, repeating: 0)
        dispatchInfeasible = FixedColumn(count: count, repeating: false)
        deviationSumKW = FixedColumn(count: count, repeating: 0)
        deviationSquareSumKW2 = FixedColumn(count: count, repeating: 0)
        deviationMaxAbsKW = FixedColumn(count: count, repeating: 0)
        secondsOutOfBand = FixedColumn(count: count, repeating: 0)
        secondsOutsideLimits = FixedColumn(count: count, repeating: 0)
        infeasibleCycles = FixedColumn(count: count, repeating: 0)
        sampleCount = FixedColumn(count: count, repeating: 0)
        // One table each, with its own storage: a shared copy would copy (allocate) on its first insert.
        schedules = (0..<count).map { _ in ScheduleTable(capacity: scheduleCapacity) }
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
