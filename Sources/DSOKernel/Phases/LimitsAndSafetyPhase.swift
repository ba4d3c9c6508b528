import DSOModel

/// Phase 6: the last word before set points leave: base point plus regulation, clamped to what each
/// device may safely do this cycle.
///
/// Clamps, in order: the device's rating, its availability right now, its ramp from the last set point,
/// and its hard SOC limits (no discharge at the low limit, no charge at the high limit). A resource that
/// is not controllable gets its documented fallback (`ControlKernel.fallbackSetpointKW`). The regulation
/// share is corrected to what survived the clamps, so records show what was really asked.
public enum LimitsAndSafetyPhase {
    public static func run(_ kernel: ControlKernel) {
        let resources = kernel.resources
        let state = kernel.state
        let image = kernel.image
        let dt = kernel.elapsedSeconds
        for index in 0..<resources.count {
            guard resources.isDispatchable[index] && state.health[index] == ResourceHealth.ok.rawValue else {
                state.setpointKW[index] = ControlKernel.fallbackSetpointKW(resources, index)
                state.regulationKW[index] = 0
                continue
            }
            let base = state.basePointKW[index]
            var setpoint = base + state.regulationKW[index]
            let previous = state.setpointKW[index]
            let ramp = resources.rampKWPerSecond[index] * dt
            let high = min(resources.maximumKW[index], image.availableUpKW[index], previous + ramp)
            let low = max(resources.minimumKW[index], image.availableDownKW[index], previous - ramp)
            setpoint = low <= high ? min(max(setpoint, low), high) : min(max(previous, high), low)
            if resources.kind[index] == ResourceKind.batteryCode {
                let soc = image.soc[index]
                if soc <= resources.socLimitLow[index] { setpoint = min(setpoint, 0) }
                if soc >= resources.socLimitHigh[index] { setpoint = max(setpoint, 0) }
            }
            if !setpoint.isFinite { setpoint = ControlKernel.fallbackSetpointKW(resources, index) }
            state.setpointKW[index] = setpoint
            state.regulationKW[index] = setpoint - base
        }
    }
}
