import DSOCANBMS
import DSODriverABI

/// The instance's points, in `point_info` order; the host maps them by name (docs/can-bms.md).
enum BMSPoint: Int, CaseIterable {
    case measuredKW, availableUpKW, availableDownKW, fault
    case soc, soh, voltage, current, temperature
    case chargeVoltageLimit, chargeCurrentLimit, dischargeCurrentLimit, dischargeVoltageLimit
    case chargeLimitKW, dischargeLimitKW
    case alarmFlags, warningFlags, chargeEnable, dischargeEnable
    case keepAlivesSent, framesDecoded

    var name: String {
        switch self {
        case .measuredKW: "p_kw"
        case .availableUpKW: "available_up_kw"
        case .availableDownKW: "available_down_kw"
        case .fault: "fault"
        case .soc: "soc"
        case .soh: "soh"
        case .voltage: "voltage_v"
        case .current: "current_a"
        case .temperature: "temperature_degc"
        case .chargeVoltageLimit: "charge_voltage_limit_v"
        case .chargeCurrentLimit: "charge_current_limit_a"
        case .dischargeCurrentLimit: "discharge_current_limit_a"
        case .dischargeVoltageLimit: "discharge_voltage_limit_v"
        case .chargeLimitKW: "charge_limit_kw"
        case .dischargeLimitKW: "discharge_limit_kw"
        case .alarmFlags: "alarm_flags"
        case .warningFlags: "warning_flags"
        case .chargeEnable: "charge_enable"
        case .dischargeEnable: "discharge_enable"
        case .keepAlivesSent: "keepalives_sent"
        case .framesDecoded: "frames_decoded"
        }
    }

    var unit: String {
        switch self {
        case .measuredKW, .availableUpKW, .availableDownKW, .chargeLimitKW, .dischargeLimitKW: "kW"
        case .soc, .soh: "%"
        case .voltage, .chargeVoltageLimit, .dischargeVoltageLimit: "V"
        case .current, .chargeCurrentLimit, .dischargeCurrentLimit: "A"
        case .temperature: "degC"
        default: ""
        }
    }

    var kind: Int32 {
        switch self {
        case .fault, .alarmFlags, .warningFlags, .chargeEnable, .dischargeEnable: Int32(DSO_POINT_STATUS)
        default: Int32(DSO_POINT_MEASUREMENT)
        }
    }

    /// Declared limits: what a 16/32-bit field can carry, so the host's garbage check only catches real garbage.
    var limits: (minimum: Double, maximum: Double) {
        switch self {
        case .soc, .soh: (0, 655.35)  // u16 %: a pack sending >100 is wrong, but the host flags it, not us
        case .fault: (0, 3)
        case .chargeEnable, .dischargeEnable: (0, 1)
        default: (-Double.infinity, Double.infinity)
        }
    }

    /// The decoder quantity a raw point shows, if it is one.
    var quantity: BMSQuantity? {
        switch self {
        case .soc: .stateOfChargePercent
        case .soh: .stateOfHealthPercent
        case .voltage: .voltageV
        case .current: .currentA
        case .temperature: .temperatureDegC
        case .chargeVoltageLimit: .chargeVoltageLimitV
        case .chargeCurrentLimit: .chargeCurrentLimitA
        case .dischargeCurrentLimit: .dischargeCurrentLimitA
        case .dischargeVoltageLimit: .dischargeVoltageLimitV
        case .alarmFlags: .alarmFlags
        case .warningFlags: .warningFlags
        case .chargeEnable: .chargeEnable
        case .dischargeEnable: .dischargeEnable
        default: nil
        }
    }
}
