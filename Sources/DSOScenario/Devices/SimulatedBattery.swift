/// A battery with the behaviour that makes regulation hard: delay, lag, ramp limits, losses and SOC walls.
///
/// Power is generation-positive (discharge > 0). Energy is integrated with the power reached at the end of each
/// step held over the step; a step that would cross an SOC limit delivers only the energy left and the BMS then
/// forces power in that direction to 0.
public struct SimulatedBattery: Sendable {
    public let parameters: BatteryParameters
    /// Output at the last advance, kW (generation-positive).
    public private(set) var powerKW: Double = 0
    /// State of charge (fraction of capacity).
    public private(set) var soc: Double
    /// AC energy taken in while charging since the start, kWh.
    public private(set) var chargedKWh: Double = 0
    /// AC energy delivered while discharging since the start, kWh.
    public private(set) var dischargedKWh: Double = 0
    /// Set point currently in effect (after the command delay), kW.
    public private(set) var setpointKW: Double = 0
    /// Simulated time the device has been advanced to, seconds.
    public private(set) var timeSeconds: Double
    private var pending: CommandDelayLine
    private var decay = DecayCache()

    public init(parameters: BatteryParameters, startSeconds: Double = 0) {
        self.parameters = parameters
        soc = min(max(parameters.initialSOC, parameters.socLimits.lowerBound), parameters.socLimits.upperBound)
        timeSeconds = startSeconds
        pending = CommandDelayLine(delaySeconds: parameters.commandDelaySeconds, capacity: parameters.commandCapacity)
    }

    /// Discharge power the BMS allows now, kW (0 at the lower SOC limit).
    @inline(__always)
    public var availableDischargeKW: Double { soc > parameters.socLimits.lowerBound ? parameters.maxDischargeKW : 0 }

    /// Charge power the BMS allows now, kW (positive magnitude; 0 at the upper SOC limit).
    @inline(__always)
    public var availableChargeKW: Double { soc < parameters.socLimits.upperBound ? parameters.maxChargeKW : 0 }

    /// Stored energy, kWh.
    public var storedKWh: Double { soc * parameters.capacityKWh }

    /// Asks for `kw` (generation-positive); it takes effect at `seconds + commandDelaySeconds`.
    @inline(__always)
    public mutating func command(kw: Double, atSeconds seconds: Double) {
        pending.push(kw, givenAtSeconds: seconds)
    }

    /// Moves the device to `seconds`, applying every command that fell due on the way at its due time.
    @inline(__always)
    public mutating func advance(toSeconds seconds: Double) {
        while pending.nextDueSeconds <= seconds {
            let due = pending.nextDueSeconds
            if due > timeSeconds { step(toSeconds: due) }
            setpointKW = pending.popOldest()
        }
        if seconds > timeSeconds { step(toSeconds: seconds) }
    }

    @inline(__always)
    private mutating func step(toSeconds seconds: Double) {
        let dt = seconds - timeSeconds
        timeSeconds = seconds
        let target = min(max(setpointKW, -availableChargeKW), availableDischargeKW)
        var power = ResponseDynamics.approach(
            currentKW: powerKW, targetKW: target, dtSeconds: dt,
            timeConstantSeconds: parameters.timeConstantSeconds, rampKWPerSecond: parameters.rampKWPerSecond,
            decay: &decay)
        let hours = dt / 3_600
        let capacity = parameters.capacityKWh
        if power > 0 {
            let storedOut = power * hours / parameters.dischargeEfficiency
            let room = (soc - parameters.socLimits.lowerBound) * capacity
            if storedOut >= room {
                power = max(0, room) * parameters.dischargeEfficiency / hours
                soc = parameters.socLimits.lowerBound
            } else {
                soc -= storedOut / capacity
            }
            dischargedKWh += power * hours
        } else if power < 0 {
            let storedIn = -power * hours * parameters.chargeEfficiency
            let room = (parameters.socLimits.upperBound - soc) * capacity
            if storedIn >= room {
                power = -max(0, room) / parameters.chargeEfficiency / hours
                soc = parameters.socLimits.upperBound
            } else {
                soc += storedIn / capacity
            }
            chargedKWh -= power * hours
        }
        powerKW = power
    }
}
