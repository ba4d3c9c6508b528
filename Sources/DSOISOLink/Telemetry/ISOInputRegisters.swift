import DSOModel

/// Writes the telemetry into the input-register image the ISO reads (`ISORegisterMap`).
public enum ISOInputRegisters {
    /// Fills `registers` (at least `ISORegisterMap.inputCount` long) from `telemetry` and the link's own state.
    public static func fill(_ registers: UnsafeMutableBufferPointer<UInt16>, telemetry: ISOTelemetry,
                            link: ISOHoldingRegisters, refusedWrites: Int, lastWriteRefused: Bool,
                            nowSeconds: Double) {
        func put(_ address: Int, _ value: Double) {
            let words = RegisterWords.words(Float(value))
            registers[address] = words.high
            registers[address + 1] = words.low
        }
        func put(_ address: Int, uint32 value: UInt32) {
            let words = RegisterWords.words(value)
            registers[address] = words.high
            registers[address + 1] = words.low
        }
        put(ISORegisterMap.regulationResponseMW, telemetry.regulationResponseKW / 1000)
        put(ISORegisterMap.regulationTargetMW, telemetry.regulationTargetKW / 1000)
        put(ISORegisterMap.availableUpMW, telemetry.availableUpKW / 1000)
        put(ISORegisterMap.availableDownMW, telemetry.availableDownKW / 1000)
        put(ISORegisterMap.aggregateSOC, telemetry.aggregateSOC)
        put(ISORegisterMap.awardInEffectMW, telemetry.awardKW / 1000)
        put(ISORegisterMap.signalInEffect, telemetry.signal)
        put(ISORegisterMap.lastSequence, uint32: link.lastCounter ?? 0)

        var status: ISOStatus = []
        if link.lastAcceptedSeconds != nil && !link.linkLost(atSeconds: nowSeconds) { status.insert(.setpointFresh) }
        if telemetry.regulationFallback { status.insert(.regulationFallback) }
        if telemetry.awardKW > 0 { status.insert(.regulating) }
        if nowSeconds - telemetry.publishedAtSeconds <= 2 { status.insert(.telemetryFresh) }
        registers[ISORegisterMap.status] = status.rawValue

        // Refused is refused, by the link's checks or by the kernel's admission after the link answered.
        var alarms: ISOAlarms = lastWriteRefused || telemetry.dispatchTargetRefused ? .lastWriteRefused : []
        for raw in telemetry.flags {
            let flags = InterfacePointFlags(rawValue: raw)
            if flags.contains(.outOfBand) { alarms.insert(.outOfBand) }
            if !flags.isDisjoint(with: [.importLimitExceeded, .exportLimitExceeded]) { alarms.insert(.interfaceLimitExceeded) }
            if !flags.isDisjoint(with: [.scheduleInfeasible, .interfaceLimitInfeasible]) { alarms.insert(.dispatchInfeasible) }
            if flags.contains(.meterUnavailable) { alarms.insert(.meterUnavailable) }
        }
        registers[ISORegisterMap.alarms] = alarms.rawValue
        registers[ISORegisterMap.refusedWrites] = UInt16(truncatingIfNeeded: refusedWrites)
        registers[ISORegisterMap.controllableResources] = UInt16(clamping: telemetry.controllableResources)
        let seconds = telemetry.kernelSeconds.isFinite ? UInt32(clamping: Int64(max(0, telemetry.kernelSeconds))) : 0
        put(ISORegisterMap.kernelTimeSeconds, uint32: seconds)
        registers[ISORegisterMap.heartbeat] = telemetry.heartbeat
        let points = min(telemetry.netImportKW.count, ISORegisterMap.maximumInterfacePoints)
        registers[ISORegisterMap.interfacePointCount] = UInt16(points)
        for point in 0..<points {
            let first = ISORegisterMap.interfacePoint(point)
            put(first + ISORegisterMap.netImportOffset, telemetry.netImportKW[point] / 1000)
            put(first + ISORegisterMap.scheduleOffset, telemetry.scheduledKW[point] / 1000)
            put(first + ISORegisterMap.aceOffset, telemetry.aceKW[point] / 1000)
            registers[first + ISORegisterMap.flagsOffset] = UInt16(telemetry.flags[point])
        }
    }
}
