import DSOModel

/// Phase 6: the last word before set points leave: base point plus regulation, clamped to what each
/// device may safely do this cycle.
///
/// Clamps, in order: the device's rating, its availability right now, its ramp from the last set point
/// (`ResourceEnvelope.reachableLowerKW…UpperKW`), then its hard SOC limits (no discharge at the low limit,
/// no charge at the high limit). A resource that
/// is not controllable gets its documented fallback (`ControlKernel.fallbackSetpointKW`). The regulation
/// share is corrected to what survived the clamps, so records show what was really asked.
public enum LimitsAndSafetyPhase {
    public static func run(_ kernel: ControlKernel) {
        let resources = kernel.resources
        let state = kernel.state
        let envelope = kernel.envelope
        for index in 0..<resources.count {
            guard envelope.controllable[index] else {
                state.setpointKW[index] = ControlKernel.fallbackSetpointKW(resources, index)
                state.regulationKW[index] = 0
                continue
            }
            let base = state.basePointKW[index]
            var setpoint = base + state.regulationKW[index]
            let previous = state.setpointKW[index]
            let high = envelope.reachableUpperKW[index]
            let low = envelope.reachableLowerKW[index]
            setpoint = low <= high ? min(max(setpoint, low), high) : min(max(previous, high), low)
            if envelope.atLowSOCLimit[index] { setpoint = min(setpoint, 0) }
            if envelope.atHighSOCLimit[index] { setpoint = max(setpoint, 0) }
            if !setpoint.isFinite { setpoint = ControlKernel.fallbackSetpointKW(resources, index) }
            state.setpointKW[index] = setpoint
            state.regulationKW[index] = setpoint - base
        }
    }
}
