import DSOModel

/// Phase 3: nets each interface point: its net import, the schedule in force, the deviation and the
/// ACE-like error that the dispatch drives back to zero.
///
/// Net import is metered where a fresh meter exists, else minus the sum of the members' outputs. The
/// uncontrolled part of the area (net plus what the controllable resources produce) is what the dispatch
/// must balance; it is smoothed so base points do not chase every flicker of load.
public enum NettingPhase {
    public static func run(_ kernel: ControlKernel) {
        let points = kernel.interfacePoints
        let image = kernel.image
        let state = kernel.state
        let controllable = kernel.envelope.controllable
        let dt = kernel.elapsedSeconds
        let filterTime = kernel.configuration.baseLoadFilterSeconds
        let smoothing = filterTime > 0 ? dt / (filterTime + dt) : 1
        for point in 0..<points.count {
            var flags = InterfacePointFlags()
            var memberSum = 0.0
            var controlledSum = 0.0
            var requested = 0.0
            for index in points.memberStart[point]..<points.memberEnd[point] {
                let measured = image.measuredKW[index]
                let usable = measured.isFinite ? measured : state.setpointKW[index]
                memberSum += usable
                if controllable[index] {
                    controlledSum += usable
                }
                requested += state.regulationKW[index]
            }
            var net = -memberSum
            if points.hasMeter[point] {
                let metered = image.meterNetImportKW[point]
                if metered.isFinite { net = metered } else { flags.insert(.meterUnavailable) }
                let wasUnavailable = InterfacePointFlags(rawValue: points.flags[point]).contains(.meterUnavailable)
                if flags.contains(.meterUnavailable) != wasUnavailable {
                    kernel.raise(KernelEvent(code: wasUnavailable ? .meterRecovered : .meterUnavailable,
                                             timeSeconds: kernel.nowSeconds, subject: Int32(point), value: net))
                }
            }
            let schedule = scheduleInForce(points, point, atSeconds: kernel.nowSeconds)
            if !schedule.isCovered { flags.insert(.scheduleMissing) }
            let scheduled = schedule.hasAny ? schedule.netImportKW : net
            let deviation = net - scheduled
            let ace = deviation + requested
            let band = points.deviationBandKW[point]

            let wasOutOfBand = InterfacePointFlags(rawValue: points.flags[point]).contains(.outOfBand)
            let wasOutsideLimits = !InterfacePointFlags(rawValue: points.flags[point])
                .isDisjoint(with: [.importLimitExceeded, .exportLimitExceeded])
            if abs(ace) > band { flags.insert(.outOfBand) }
            if net > points.importLimitKW[point] { flags.insert(.importLimitExceeded) }
            if -net > points.exportLimitKW[point] { flags.insert(.exportLimitExceeded) }
            let outsideLimits = !flags.isDisjoint(with: [.importLimitExceeded, .exportLimitExceeded])
            if flags.contains(.outOfBand) != wasOutOfBand {
                kernel.raise(KernelEvent(code: wasOutOfBand ? .interfaceBackInBand : .interfaceOutOfBand,
                                         timeSeconds: kernel.nowSeconds, subject: Int32(point), value: ace, detail: band))
            }
            if outsideLimits != wasOutsideLimits {
                kernel.raise(KernelEvent(code: wasOutsideLimits ? .interfaceBackInsideLimits : .interfaceLimitExceeded,
                                         timeSeconds: kernel.nowSeconds, subject: Int32(point), value: net))
            }

            points.netImportKW[point] = net
            points.scheduledKW[point] = scheduled
            points.deviationKW[point] = deviation
            points.regulationRequestKW[point] = requested
            points.aceKW[point] = ace
            points.flags[point] = flags.rawValue
            let uncontrolled = net + controlledSum
            let previous = points.uncontrolledKW[point]
            points.uncontrolledKW[point] = previous.isFinite ? previous + (uncontrolled - previous) * smoothing : uncontrolled

            points.deviationSumKW[point] += ace
            points.deviationSquareSumKW2[point] += ace * ace
            points.deviationMaxAbsKW[point] = max(points.deviationMaxAbsKW[point], abs(ace))
            points.sampleCount[point] &+= 1
            if flags.contains(.outOfBand) { points.secondsOutOfBand[point] += dt }
            if outsideLimits { points.secondsOutsideLimits[point] += dt }
        }
    }

    /// The schedule in force at `point`: the highest layer whose interval covers now; when none covers, the
    /// value of the interval that ended last holds — what was in force — and the caller flags it missing;
    /// before any interval, none. With only the day-ahead layer this is that table's lookup, unchanged.
    @inline(__always)
    static func scheduleInForce(_ points: InterfacePointState, _ point: Int, atSeconds now: Double) -> ScheduleTable.Lookup {
        var held: ScheduleTable.Lookup?
        for layer in ScheduleLayer.fromHighest {
            let lookup = points.schedule(point, layer).lookup(atSeconds: now)
            if lookup.isCovered { return lookup }
            if lookup.hasAny && lookup.endSeconds > (held?.endSeconds ?? -.infinity) { held = lookup }
        }
        return held ?? ScheduleTable.Lookup(netImportKW: 0, isCovered: false, hasAny: false)
    }
}
