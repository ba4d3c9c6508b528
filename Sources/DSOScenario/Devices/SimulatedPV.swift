/// A PV system: produces what the sun allows, and can only be curtailed (command = output cap, kW).
///
/// Output falls with the sun immediately (the panel cannot hold power it does not get), but follows a
/// curtailment command, or its release, through the command delay, first-order lag and ramp limit.
public struct SimulatedPV: Sendable {
    public let parameters: PVParameters
    /// Seconds of day at simulated time 0 (where the run starts in the daily profile).
    public let startTimeOfDaySeconds: Double
    /// Output at the last advance, kW (≥ 0).
    public private(set) var powerKW: Double = 0
    /// What the sun would allow without curtailment at the last advance, kW.
    public private(set) var availableKW: Double = 0
    /// Output cap currently in effect (after the command delay), kW; starts uncurtailed at the rating.
    public private(set) var curtailmentLimitKW: Double
    /// Simulated time the device has been advanced to, seconds.
    public private(set) var timeSeconds: Double
    private var pending: CommandDelayLine
    private var decay = DecayCache()
    private var lastCommandedKW = Double.nan
    private var cursor = ProfileCursor()

    public init(parameters: PVParameters, startTimeOfDaySeconds: Double = 0, startSeconds: Double = 0) {
        self.parameters = parameters
        self.startTimeOfDaySeconds = startTimeOfDaySeconds
        curtailmentLimitKW = parameters.ratingKW
        timeSeconds = startSeconds
        pending = CommandDelayLine(delaySeconds: parameters.commandDelaySeconds, capacity: parameters.commandCapacity)
        availableKW = uncurtailedKW(atSeconds: startSeconds)
        powerKW = availableKW
    }

    /// Caps output at `maxKW` from `seconds + commandDelaySeconds` on (use the rating or more to release).
    @inline(__always)
    public mutating func command(maxKW: Double, atSeconds seconds: Double) {
        // Repeating the last cap changes nothing at the inverter: most PV is never curtailed.
        if maxKW == lastCommandedKW { return }
        lastCommandedKW = maxKW
        pending.push(maxKW, givenAtSeconds: seconds)
    }

    /// Moves the device to `seconds`, applying every curtailment that fell due on the way at its due time.
    @inline(__always)
    public mutating func advance(toSeconds seconds: Double) {
        availableKW = uncurtailedKW(atSeconds: seconds)
        while pending.nextDueSeconds <= seconds {
            let due = pending.nextDueSeconds
            if due > timeSeconds { step(toSeconds: due) }
            curtailmentLimitKW = pending.popOldest()
        }
        if seconds > timeSeconds { step(toSeconds: seconds) }
    }

    @inline(__always)
    private mutating func step(toSeconds seconds: Double) {
        let dt = seconds - timeSeconds
        timeSeconds = seconds
        let target = max(0, min(availableKW, curtailmentLimitKW))
        let next = ResponseDynamics.approach(
            currentKW: powerKW, targetKW: target, dtSeconds: dt,
            timeConstantSeconds: parameters.timeConstantSeconds, rampKWPerSecond: parameters.rampKWPerSecond,
            decay: &decay)
        powerKW = max(0, min(next, availableKW))
    }

    @inline(__always)
    private mutating func uncurtailedKW(atSeconds seconds: Double) -> Double {
        let perUnit = cursor.value(of: parameters.irradiance, atSeconds: seconds + startTimeOfDaySeconds)
        return max(0, min(1, perUnit * parameters.profileScale)) * parameters.ratingKW
    }
}
