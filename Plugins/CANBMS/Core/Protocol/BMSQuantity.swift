/// What a BMS reports, independent of which protocol frame and byte carries it.
public enum BMSQuantity: Int, CaseIterable, Sendable {
    /// State of charge, %.
    case stateOfChargePercent
    /// State of health, %.
    case stateOfHealthPercent
    /// State of charge at 0.01 % resolution (v1.3 / SMA only), %.
    case stateOfChargeHighResolutionPercent
    /// Pack voltage, V.
    case voltageV
    /// Pack current, A; positive = charging (Victron/SMA convention).
    case currentA
    /// Pack temperature, °C.
    case temperatureDegC
    /// Charge voltage limit (CVL), V.
    case chargeVoltageLimitV
    /// Charge current limit (CCL), A.
    case chargeCurrentLimitA
    /// Discharge current limit (DCL), A.
    case dischargeCurrentLimitA
    /// Discharge voltage limit (DVL), V.
    case dischargeVoltageLimitV
    /// Protection (alarm) bits as sent; any bit set is an alarm.
    case alarmFlags
    /// Warning bits as sent; reported, never blocking.
    case warningFlags
    /// 1 when the BMS allows charging.
    case chargeEnable
    /// 1 when the BMS allows discharging.
    case dischargeEnable
    /// Number of battery modules (Pylontech 0x359 byte 4).
    case moduleCount
    /// Nominal capacity, Ah (SMA 0x35F).
    case capacityAh

    /// Number of quantities, for fixed-size value arrays.
    public static let count = allCases.count
}
