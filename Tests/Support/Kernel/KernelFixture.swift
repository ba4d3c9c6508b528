public import DSOKernel
public import DSOModel

/// Tiny substations and board writers shared by the kernel tests.
///
/// Every resource defaults to an unlimited ramp, no delay, no lag and zero cost, so each test states only
/// the parameters its hand calculation depends on.
public enum KernelFixture {
    public static let second: Int64 = 1_000_000_000
    /// The default cycle period (0.1 s) in nanoseconds.
    public static let period: Int64 = 100_000_000

    public static func nanoseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1e9).rounded()) }

    public static func point(_ id: String = "IP", importLimitKW: Double = 1000, exportLimitKW: Double = 1000,
                      deviationBandKW: Double = 50, hasMeter: Bool = true) -> InterfacePointSpec {
        InterfacePointSpec(id: id, importLimitKW: importLimitKW, exportLimitKW: exportLimitKW,
                           deviationBandKW: deviationBandKW, hasMeter: hasMeter)
    }

    /// A battery rated ±`kw` with 2 h of energy, band 0.2…0.8 and hard limits 0.05…0.95.
    public static func battery(_ id: String, point: Int = 0, kw: Double = 100, ramp: Double = .infinity,
                        cost: MarginalCost = MarginalCost(linearPerKWh: 0), regulation: Bool = true,
                        delay: Double = 0, lag: Double = 0) -> ResourceSpec {
        ResourceSpec(id: id, kind: .battery, interfacePoint: point, maximumKW: kw, minimumKW: -kw,
                     rampKWPerSecond: ramp, energyCapacityKWh: 2 * kw, cost: cost, providesRegulation: regulation,
                     commandDelaySeconds: delay, responseTimeConstantSeconds: lag)
    }

    public static func pv(_ id: String, point: Int = 0, kw: Double = 50) -> ResourceSpec {
        ResourceSpec(id: id, kind: .pv, interfacePoint: point, maximumKW: kw, minimumKW: 0,
                     cost: MarginalCost(linearPerKWh: -0.05))
    }

    public static func load(_ id: String, point: Int = 0, peakKW: Double = 80) -> ResourceSpec {
        ResourceSpec(id: id, kind: .load, interfacePoint: point, maximumKW: 0, minimumKW: -peakKW)
    }

    public static func demandResponse(_ id: String, point: Int = 0, peakKW: Double = 60) -> ResourceSpec {
        ResourceSpec(id: id, kind: .demandResponse, interfacePoint: point, maximumKW: 0, minimumKW: -peakKW,
                     cost: MarginalCost(linearPerKWh: 0.25))
    }

    public static func kernel(points: [InterfacePointSpec] = [point()], resources: [ResourceSpec],
                       configuration: KernelConfiguration = KernelConfiguration(),
                       recordFrames: Int = 64) throws -> ControlKernel {
        let model = try SubstationModel(interfacePoints: points, resources: resources)
        return try ControlKernel(model: model, configuration: configuration, recordFrames: recordFrames)
    }

    /// One metered interface point with battery "B" (±100 kW), PV "PV" (50 kW) and load "L" (80 kW peak).
    public static func basic(configuration: KernelConfiguration = KernelConfiguration(),
                      recordFrames: Int = 64, hasMeter: Bool = true) throws -> ControlKernel {
        try kernel(points: [point(hasMeter: hasMeter)],
                   resources: [battery("B"), pv("PV"), load("L")],
                   configuration: configuration, recordFrames: recordFrames)
    }
}

extension ControlKernel {
    /// Index of resource `id` in the kernel's (interface-point-ordered) tables.
    public func index(of id: String) -> Int {
        guard let index = model.resources.firstIndex(where: { $0.id == id }) else {
            fatalError("no resource \(id) in the fixture")
        }
        return index
    }

    /// Writes one resource's telemetry on the board, as a driver would.
    public func write(_ index: Int, measured: Double, up: Double, down: Double, soc: Double = .nan,
               at nanoseconds: Int64, fault: UInt16 = 0) {
        board.measuredKW[index] = measured
        board.availableUpKW[index] = up
        board.availableDownKW[index] = down
        board.soc[index] = soc
        board.timestampNanoseconds[index] = nanoseconds
        board.faultCode[index] = fault
    }

    /// Fresh, plausible telemetry for every resource: batteries idle at SOC 0.5 with their full rating
    /// available, PV producing `pvKW` (capped by its rating) with no more available, loads and DR consuming
    /// their peak. Meters are left alone.
    public func writeNominalBoard(at nanoseconds: Int64, pvKW: Double = 30) {
        for index in 0..<resources.count {
            let maximum = resources.maximumKW[index], minimum = resources.minimumKW[index]
            switch resources.kind[index] {
            case ResourceKind.batteryCode:
                write(index, measured: 0, up: maximum, down: minimum, soc: 0.5, at: nanoseconds)
            case ResourceKind.pvCode:
                let output = min(pvKW, maximum)
                write(index, measured: output, up: output, down: 0, at: nanoseconds)
            case ResourceKind.demandResponseCode:
                write(index, measured: minimum, up: maximum, down: minimum, at: nanoseconds)
            default:
                write(index, measured: minimum, up: minimum, down: minimum, at: nanoseconds)
            }
        }
    }

    public func writeMeter(_ point: Int = 0, netImportKW: Double, at nanoseconds: Int64) {
        board.meterNetImportKW[point] = netImportKW
        board.meterTimestampNanoseconds[point] = nanoseconds
    }

    /// Sets the cycle clock to `nanoseconds` and runs `phases` in the order given.
    public func cycle(at nanoseconds: Int64, elapsed: Double = 0.1, _ phases: CyclePhase...) {
        setClock(nanoseconds: nanoseconds, elapsedSeconds: elapsed)
        for phase in phases { run(phase) }
    }

    /// Every event raised since the last call, oldest first.
    public func drainEvents() -> [KernelEvent] {
        var events: [KernelEvent] = []
        _ = records.events.drain { events.append($0) }
        return events
    }

    public func pushSchedule(point: Int = 0, from start: Double, to end: Double, netImportKW: Double) {
        let pushed = inbound.ring(.scheduleFiles).push(.schedule(ScheduleEntry(
            interfacePoint: point, startSeconds: start, endSeconds: end, netImportKW: netImportKW)))
        precondition(pushed, "schedule ring full")
    }

    public func pushSignal(_ value: Double, sequence: UInt64, at seconds: Double) {
        precondition(inbound.ring(.isoLink).push(.regulation(.signal(value, sequence: sequence, at: seconds))), "ISO ring full")
    }

    public func pushAward(_ kw: Double, at seconds: Double = 0) {
        precondition(inbound.ring(.isoLink).push(.regulation(.award(kw: kw, at: seconds))), "ISO ring full")
    }

    public func pushCommand(_ command: OperatorCommand) {
        precondition(inbound.ring(.operatorCommands).push(.command(command)), "operator ring full")
    }

    public func health(_ index: Int) -> ResourceHealth? { ResourceHealth(rawValue: state.health[index]) }

    public func flags(_ point: Int = 0) -> InterfacePointFlags { InterfacePointFlags(rawValue: interfacePoints.flags[point]) }
}

extension Array where Element == KernelEvent {
    public func with(_ code: KernelEvent.Code) -> [KernelEvent] { filter { $0.code == code } }
}

/// |a − b| ≤ tolerance, for hand-computed values that pass through a few floating-point operations.
public func nearlyEqual(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }
