/// Phase 7: hands the set points to the device side, each with its time-to-live, and remembers them
/// for the regulation delay model.
public enum PublishPhase {
    public static func run(_ kernel: ControlKernel) {
        let state = kernel.state
        let resources = kernel.resources
        let envelope = kernel.envelope
        let out = kernel.setpoints
        let validUntil = kernel.nowNanoseconds &+ Int64(kernel.configuration.setpointTTLSeconds * 1e9)
        let history = state.historyLength
        let slot = Int(kernel.cycleIndex % Int64(history))
        var digest = kernel.setpointDigest
        for index in 0..<resources.count {
            let setpoint = state.setpointKW[index]
            let controllable = envelope.controllable[index]
            out.setpointKW[index] = setpoint
            out.basePointKW[index] = state.basePointKW[index]
            out.regulationKW[index] = state.regulationKW[index]
            out.validUntilNanoseconds[index] = validUntil
            out.isFallback[index] = !controllable
            if resources.providesRegulation[index] { state.setpointHistoryKW[index * history + slot] = setpoint }
            digest = (digest ^ setpoint.bitPattern) &* 0x0000_0100_0000_01b3
        }
        kernel.setpointDigest = digest
        out.advanceSequence()
    }
}
