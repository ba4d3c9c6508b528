/// An aggregated curtailable load: the command is the requested curtailment in kW (positive = shed load).
///
/// The shed amount follows the request through the response delay, lag and ramp, but never exceeds what is
/// available now: outside a window, or when the baseline drops, the participants' load comes back at once.
public struct SimulatedDemandResponse: Sendable {
    public let parameters: DemandResponseParameters
    /// Seconds of day at simulated time 0.
    public let startTimeOfDaySeconds: Double
    /// Consumption the participants would have without a call, kW (positive).
    public private(set) var baselineKW: Double = 0
    /// Load actually shed at the last advance, kW (≥ 0).
    public private(set) var curtailmentKW: Double = 0
    /// Curtailment the programme could deliver now, kW (0 outside the windows).
    public private(set) var availableCurtailmentKW: Double = 0
    /// Requested curtailment currently in effect (after the response delay), kW.
    public private(set) var requestedCurtailmentKW: Double = 0
    /// Simulated time the device has been advanced to, seconds.
    public private(set) var timeSeconds: Double
    private var pending: CommandDelayLine
    private var decay = DecayCache()
    private var cursor = ProfileCursor()

    public init(parameters: DemandResponseParameters, startTimeOfDaySeconds: Double = 0, startSeconds: Double = 0) {
        self.parameters = parameters
        self.startTimeOfDaySeconds = startTimeOfDaySeconds
        timeSeconds = startSeconds
        pending = CommandDelayLine(delaySeconds: parameters.responseDelaySeconds, capacity: parameters.commandCapacity)
        updateBaseline(atSeconds: startSeconds)
    }

    /// Net output at the last advance, kW (generation-positive: −(baseline − curtailment)).
    @inline(__always)
    public var powerKW: Double { curtailmentKW - baselineKW }

    /// Requests `kw` of curtailment (positive), effective at `seconds + responseDelaySeconds`.
    @inline(__always)
    public mutating func command(curtailmentKW kw: Double, atSeconds seconds: Double) {
        pending.push(max(0, kw), givenAtSeconds: seconds)
    }

    /// Moves the programme to `seconds`, applying every request that fell due on the way at its due time.
    @inline(__always)
    public mutating func advance(toSeconds seconds: Double) {
        updateBaseline(atSeconds: seconds)
        while pending.nextDueSeconds <= seconds {
            let due = pending.nextDueSeconds
            if due > timeSeconds { step(toSeconds: due) }
            requestedCurtailmentKW = pending.popOldest()
        }
        if seconds > timeSeconds { step(toSeconds: seconds) }
    }

    @inline(__always)
    private mutating func step(toSeconds seconds: Double) {
        let dt = seconds - timeSeconds
        timeSeconds = seconds
        let target = min(requestedCurtailmentKW, availableCurtailmentKW)
        let next = ResponseDynamics.approach(
            currentKW: curtailmentKW, targetKW: target, dtSeconds: dt,
            timeConstantSeconds: parameters.timeConstantSeconds, rampKWPerSecond: parameters.rampKWPerSecond,
            decay: &decay)
        curtailmentKW = max(0, min(next, availableCurtailmentKW))
    }

    @inline(__always)
    private mutating func updateBaseline(atSeconds seconds: Double) {
        let secondOfDay = Profile.secondsOfDay(seconds + startTimeOfDaySeconds)
        let perUnit = cursor.value(of: parameters.shape, atSeconds: secondOfDay)
        baselineKW = max(0, perUnit * parameters.profileScale) * parameters.peakKW
        var open = parameters.windows.isEmpty
        for window in parameters.windows where window.contains(secondsOfDay: secondOfDay) {
            open = true
            break
        }
        availableCurtailmentKW = open
            ? min(parameters.maxCurtailmentKW, parameters.curtailableShare * baselineKW) : 0
        curtailmentKW = min(curtailmentKW, availableCurtailmentKW)
    }
}
