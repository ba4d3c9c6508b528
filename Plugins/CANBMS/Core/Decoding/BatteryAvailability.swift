/// What the kernel may ask of the battery now: the BMS current limits turned into kW at the measured voltage.
///
/// Powers are generation-positive, as on the kernel's board: discharging is positive, so `downKW` ≤ 0.
public struct BatteryAvailability: Sendable, Equatable {
    /// Present output, kW: −voltage × current (the BMS reports charging current as positive).
    public var measuredKW: Double
    /// Highest output allowed: discharge current limit × voltage, kW (0 when unavailable or discharge disabled).
    public var upKW: Double
    /// Lowest output allowed: −charge current limit × voltage, kW (0 when unavailable or charge disabled).
    public var downKW: Double
    /// 0 when available, else why not.
    public var fault: BMSFault

    public init(measuredKW: Double, upKW: Double, downKW: Double, fault: BMSFault) {
        self.measuredKW = measuredKW
        self.upKW = upKW
        self.downKW = downKW
        self.fault = fault
    }

    /// Evaluates the decoder's latest values at `now`. A missing required frame, an alarm bit or a link fault
    /// leaves no room at all (0…0 kW); the voltage limits stop charging at CVL and discharging at DVL.
    public static func evaluate(_ decoder: BMSDecoder, atNanoseconds now: Int64, timeoutNanoseconds: Int64,
                                linkFaulted: Bool) -> BatteryAvailability {
        let voltage = decoder.value(.voltageV)
        let current = decoder.value(.currentA)
        let measured = voltage.isFinite && current.isFinite ? -voltage * current / 1000 : 0
        if linkFaulted { return BatteryAvailability(measuredKW: measured, upKW: 0, downKW: 0, fault: .link) }
        if decoder.missingFrame(atNanoseconds: now, timeoutNanoseconds: timeoutNanoseconds) != nil {
            return BatteryAvailability(measuredKW: measured, upKW: 0, downKW: 0, fault: .bmsSilent)
        }
        let alarms = decoder.value(.alarmFlags)
        if !alarms.isFinite || alarms != 0 {
            return BatteryAvailability(measuredKW: measured, upKW: 0, downKW: 0, fault: .alarm)
        }
        let hasFlags = decoder.bmsProtocol.hasEnableFlags && decoder.value(.chargeEnable).isFinite
        let chargeAllowed = !hasFlags || decoder.value(.chargeEnable) == 1
        let dischargeAllowed = !hasFlags || decoder.value(.dischargeEnable) == 1
        let cvl = decoder.value(.chargeVoltageLimitV)
        let dvl = decoder.value(.dischargeVoltageLimitV)
        // Real packs send DCL positive; some send it negative: its magnitude is the limit.
        let chargeAmps = max(0, decoder.value(.chargeCurrentLimitA))
        let dischargeAmps = abs(decoder.value(.dischargeCurrentLimitA))
        let canCharge = chargeAllowed && !(cvl > 0 && voltage >= cvl)
        let canDischarge = dischargeAllowed && !(dvl > 0 && voltage <= dvl)
        let up = canDischarge && voltage > 0 ? dischargeAmps * voltage / 1000 : 0
        let down = canCharge && voltage > 0 ? -chargeAmps * voltage / 1000 : 0
        return BatteryAvailability(measuredKW: measured, upKW: up.isFinite ? up : 0, downKW: down.isFinite ? down : 0,
                                   fault: .none)
    }
}
