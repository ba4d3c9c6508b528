import DSOModel

/// Phase 2: freezes the telemetry board into the cycle's image, decides each resource's health and, from
/// both, its envelope and controllability (`ResourceEnvelope`), once for all later phases.
///
/// A resource whose telemetry is old, implausible or faulted drops out of control in this same cycle;
/// its share of regulation and dispatch moves to the others in the phases that follow.
public enum TelemetrySnapshotPhase {
    public static func run(_ kernel: ControlKernel) {
        let image = kernel.image
        image.copy(from: kernel.board)
        let resources = kernel.resources
        let state = kernel.state
        let now = kernel.nowNanoseconds
        let staleAfter = Int64(kernel.configuration.staleAfterSeconds * 1e9)
        let hours = kernel.elapsedSeconds / 3600
        let envelope = kernel.envelope
        let dt = kernel.elapsedSeconds
        for index in 0..<resources.count {
            let measured = image.measuredKW[index]
            let health = classify(index, resources: resources, image: image, enabled: state.enabled[index],
                                  now: now, staleAfter: staleAfter)
            let previous = state.health[index]
            if health.rawValue != previous {
                state.health[index] = health.rawValue
                let wasOK = previous == ResourceHealth.ok.rawValue
                let firstVerdict = previous == ResourceState.healthNotYetKnown
                if (health == .ok && !firstVerdict) || wasOK || (firstVerdict && health != .ok) {
                    kernel.raise(KernelEvent(code: health == .ok ? .resourceRecovered : .resourceUnavailable,
                                             timeSeconds: kernel.nowSeconds, subject: Int32(index),
                                             value: Double(health.rawValue), detail: measured))
                }
            }
            if health == .ok {
                if measured > 0 { state.energyOutKWh[index] += measured * hours }
                else { state.energyInKWh[index] -= measured * hours }
            } else {
                state.unavailableCycles[index] &+= 1
            }
            let controllable = resources.isDispatchable[index] && health == .ok
            envelope.controllable[index] = controllable
            if controllable {
                bound(index, resources: resources, state: state, image: image, envelope: envelope, dt: dt)
            }
        }
        for point in 0..<kernel.interfacePoints.count where kernel.interfacePoints.hasMeter[point] {
            let value = image.meterNetImportKW[point]
            let stamp = image.meterTimestampNanoseconds[point]
            let fresh = value.isFinite && stamp != .min && now &- stamp <= staleAfter
            if !fresh { image.meterNetImportKW[point] = .nan }
        }
    }

    /// Computes resource `index`'s envelope columns. The operations and their order are the ones the
    /// phases used when each computed its own bounds, so set points stay bit-identical.
    static func bound(_ index: Int, resources: ResourceTable, state: ResourceState, image: TelemetryImage,
                      envelope: ResourceEnvelope, dt: Double) {
        let ratedLower = max(resources.minimumKW[index], image.availableDownKW[index])
        let ratedUpper = min(resources.maximumKW[index], image.availableUpKW[index])
        let ramp = resources.rampKWPerSecond[index] * dt
        let previousSetpoint = state.setpointKW[index]
        let reachableLower = max(ratedLower, previousSetpoint - ramp)
        let reachableUpper = min(ratedUpper, previousSetpoint + ramp)
        var atLowLimit = false, atHighLimit = false
        if resources.kind[index] == ResourceKind.batteryCode {
            let soc = image.soc[index]
            atLowLimit = soc <= resources.socLimitLow[index]
            atHighLimit = soc >= resources.socLimitHigh[index]
        }
        envelope.atLowSOCLimit[index] = atLowLimit
        envelope.atHighSOCLimit[index] = atHighLimit
        envelope.availableLowerKW[index] = atHighLimit ? max(ratedLower, 0) : ratedLower
        envelope.availableUpperKW[index] = atLowLimit ? min(ratedUpper, 0) : ratedUpper
        envelope.reachableLowerKW[index] = reachableLower
        envelope.reachableUpperKW[index] = reachableUpper
        let previousBasePoint = state.basePointKW[index]
        envelope.basePointLowerKW[index] = previousBasePoint - ramp
        envelope.basePointUpperKW[index] = previousBasePoint + ramp
    }

    static func classify(_ index: Int, resources: ResourceTable, image: TelemetryImage, enabled: Bool,
                         now: Int64, staleAfter: Int64) -> ResourceHealth {
        if !enabled { return .disabled }
        let stamp = image.timestampNanoseconds[index]
        if stamp == .min || now &- stamp > staleAfter { return .stale }
        let measured = image.measuredKW[index]
        let up = image.availableUpKW[index]
        let down = image.availableDownKW[index]
        let span = resources.maximumKW[index] - resources.minimumKW[index]
        let tolerance = 0.05 * span + 1
        guard measured.isFinite, up.isFinite, down.isFinite,
              measured >= resources.minimumKW[index] - tolerance, measured <= resources.maximumKW[index] + tolerance,
              down <= up + tolerance
        else { return .invalid }
        if resources.kind[index] == ResourceKind.batteryCode {
            let soc = image.soc[index]
            guard soc.isFinite, soc >= -0.01, soc <= 1.01 else { return .invalid }
        }
        if image.faultCode[index] != 0 { return .fault }
        return .ok
    }
}
