public import DSOHistorian
public import DSOKernel
public import DSOModel
public import DSOScoring
public import DSOStatusSchema

extension StatusSnapshot {
    /// Builds a snapshot from what the recorder thread holds: the model, the latest cycle summary (copied
    /// from the record), the tapped resource snapshot, the counters and the scoreboard's summary.
    public static func assemble(
        model: SubstationModel, cyclePeriodSeconds: Double, wallTimeSeconds: Double, cycle: CycleSummary?,
        resources snapshot: ResourceSnapshot?, counters: KernelCounters, regulationEnabled: Bool = true,
        scores: RegulationScoreSummary? = nil, currentPJMHour: PJMHourScore? = nil,
        currentCAISOInterval: CAISOIntervalScore? = nil, drivers: [DriverStatus] = [],
        historian: HistorianStatistics? = nil, epochUnixSeconds: Double? = nil
    ) -> StatusSnapshot {
        let kernel = KernelStatus(
            state: cycle == nil ? "starting" : "running", cycleIndex: cycle?.cycleIndex ?? -1,
            timeSeconds: cycle?.timeSeconds ?? 0, cyclePeriodSeconds: cyclePeriodSeconds, cycles: counters.cycles,
            overruns: counters.overruns, droppedRecords: counters.droppedRecords, droppedEvents: counters.droppedEvents,
            refusedSchedules: counters.refusedSchedules, refusedCommands: counters.refusedCommands,
            infeasibleCycles: counters.infeasibleCycles, regulationEnabled: regulationEnabled,
            signal: cycle?.signal ?? 0, awardKW: cycle?.awardKW ?? 0,
            regulationTargetKW: cycle?.regulationTargetKW ?? 0, regulationResponseKW: cycle?.regulationResponseKW ?? 0,
            regulationAvailableUpKW: cycle?.regulationAvailableUpKW ?? 0,
            regulationAvailableDownKW: cycle?.regulationAvailableDownKW ?? 0, aggregateSOC: cycle?.aggregateSOC,
            controllableResources: cycle?.controllableResources ?? 0,
            setpointDigest: String(cycle?.setpointDigest ?? 0, radix: 16), epochUnixSeconds: epochUnixSeconds)
        let points = model.interfacePoints.enumerated().map { index, spec in
            let sample = cycle?.interfacePoints.first { $0.interfacePoint == index }
            let net = sample?.netImportKW.finite, scheduled = sample?.scheduledKW.finite
            return InterfacePointStatus(
                index: index, id: spec.id, netImportKW: net, scheduledKW: scheduled,
                deviationKW: net.flatMap { net in scheduled.map { net - $0 } }, aceKW: sample?.aceKW.finite,
                regulationRequestKW: sample?.regulationRequestKW.finite, deviationBandKW: spec.deviationBandKW,
                importLimitKW: spec.importLimitKW, exportLimitKW: spec.exportLimitKW,
                flags: flagNames(InterfacePointFlags(rawValue: sample?.flags ?? 0)))
        }
        let resources = model.resources.enumerated().map { index, spec in
            resourceStatus(index: index, spec: spec, snapshot: snapshot)
        }
        return StatusSnapshot(
            wallTimeSeconds: wallTimeSeconds, kernel: kernel, interfacePoints: points, resources: resources,
            drivers: drivers,
            regulationScores: RegulationScores(
                pjm: scores?.pjm.map(pjmScore), pjmCurrentHour: currentPJMHour.map { pjmScore($0.score) },
                pjmHourlyComposite: scores?.pjmHourlyComposite, caisoMeanAccuracy: scores?.caisoMeanAccuracy,
                caisoCurrentIntervalAccuracy: currentCAISOInterval?.accuracy,
                caisoTotalMileageMW: scores?.caisoTotalMileageMW ?? 0),
            historian: historian)
    }

    private static func resourceStatus(index: Int, spec: ResourceSpec, snapshot: ResourceSnapshot?) -> ResourceStatus {
        guard let snapshot, index < snapshot.resourceCount else {
            return ResourceStatus(
                index: index, id: spec.id, kind: spec.kind.rawValue, interfacePoint: spec.interfacePoint,
                health: "unknown",
                telemetry: .init(measuredKW: nil, availableUpKW: nil, availableDownKW: nil, soc: nil, faultCode: 0,
                                 ageSeconds: nil),
                setpoint: .init(kw: nil, basePointKW: nil, regulationKW: nil, validForSeconds: nil, isFallback: true))
        }
        let nowNanoseconds = Int64((snapshot.timeSeconds * 1e9).rounded())
        let measuredAt = snapshot.telemetryTimestampNanoseconds[index]
        let validUntil = snapshot.validUntilNanoseconds[index]
        return ResourceStatus(
            index: index, id: spec.id, kind: spec.kind.rawValue, interfacePoint: spec.interfacePoint,
            health: ResourceHealth(rawValue: snapshot.health[index])?.description ?? "unknown",
            telemetry: .init(
                measuredKW: snapshot.measuredKW[index].finite, availableUpKW: snapshot.availableUpKW[index].finite,
                availableDownKW: snapshot.availableDownKW[index].finite, soc: snapshot.soc[index].finite,
                faultCode: Int(snapshot.faultCode[index]),
                ageSeconds: measuredAt == .min ? nil : Double(nowNanoseconds &- measuredAt) / 1e9),
            setpoint: .init(
                kw: snapshot.setpointKW[index].finite, basePointKW: snapshot.basePointKW[index].finite,
                regulationKW: snapshot.regulationKW[index].finite,
                validForSeconds: validUntil == .min ? nil : Double(validUntil &- nowNanoseconds) / 1e9,
                isFallback: snapshot.isFallback[index]))
    }

    private static func pjmScore(_ score: PJMPerformanceScore) -> RegulationScores.PJMScore {
        .init(accuracy: score.accuracy, delay: score.delay, precision: score.precision, composite: score.composite,
              sampleCount: score.sampleCount)
    }

    static func flagNames(_ flags: InterfacePointFlags) -> [String] {
        let names: [(InterfacePointFlags, String)] = [
            (.outOfBand, "outOfBand"), (.importLimitExceeded, "importLimitExceeded"),
            (.exportLimitExceeded, "exportLimitExceeded"), (.scheduleInfeasible, "scheduleInfeasible"),
            (.interfaceLimitInfeasible, "interfaceLimitInfeasible"), (.meterUnavailable, "meterUnavailable"),
            (.scheduleMissing, "scheduleMissing"),
        ]
        return names.filter { flags.contains($0.0) }.map(\.1)
    }
}

extension Double {
    /// nil for NaN and infinities, which JSON cannot carry.
    var finite: Double? { isFinite ? self : nil }
}
