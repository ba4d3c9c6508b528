/// The protocol tables. Facts from public sources (docs/can-bms.md lists them); the DBC files in
/// Plugins/CANBMS/protocols describe the same frames for cantools and other tools.
extension BMSProtocol {
    /// Limits 0x351, common to Pylontech LV and SMA: CVL, CCL, DCL, DVL.
    static let limitSignals: [CANSignal] = [
        CANSignal(.chargeVoltageLimitV, frame: 0x351, byte: 0, .unsigned16, scale: 0.1, unit: "V"),
        CANSignal(.chargeCurrentLimitA, frame: 0x351, byte: 2, .signed16, scale: 0.1, unit: "A"),
        CANSignal(.dischargeCurrentLimitA, frame: 0x351, byte: 4, .signed16, scale: 0.1, unit: "A"),
        CANSignal(.dischargeVoltageLimitV, frame: 0x351, byte: 6, .unsigned16, scale: 0.1, unit: "V"),
    ]

    /// State 0x355 (SOC, SOH) and measurements 0x356.
    static let stateSignals: [CANSignal] = [
        CANSignal(.stateOfChargePercent, frame: 0x355, byte: 0, .unsigned16, unit: "%"),
        CANSignal(.stateOfHealthPercent, frame: 0x355, byte: 2, .unsigned16, unit: "%"),
        CANSignal(.voltageV, frame: 0x356, byte: 0, .signed16, scale: 0.01, unit: "V"),
        CANSignal(.currentA, frame: 0x356, byte: 2, .signed16, scale: 0.1, unit: "A"),
        CANSignal(.temperatureDegC, frame: 0x356, byte: 4, .signed16, scale: 0.1, unit: "degC"),
    ]

    /// 0x355 bytes 4-5 in v1.3 and SMA (v1.2 sends 4 bytes).
    static let highResolutionSOC = CANSignal(.stateOfChargeHighResolutionPercent, frame: 0x355, byte: 4, .unsigned16,
                                             scale: 0.01, unit: "%")

    /// Pylontech v1.2 0x359 (protection bytes 0-1, warning bytes 2-3, module count) and 0x35C (enable bits).
    static let pylontechV12StatusSignals: [CANSignal] = [
        CANSignal(.alarmFlags, frame: 0x359, byte: 0, .unsigned16),
        CANSignal(.warningFlags, frame: 0x359, byte: 2, .unsigned16),
        CANSignal(.moduleCount, frame: 0x359, byte: 4, .unsigned8),
        CANSignal(.chargeEnable, frame: 0x35C, byte: 0, .bit(7)),
        CANSignal(.dischargeEnable, frame: 0x35C, byte: 0, .bit(6)),
    ]

    /// SMA/Victron 0x35A (alarm bytes 1-4, warning bytes 1-4) and 0x35F (capacity), used by SMA and Pylontech v1.3.
    static let smaStatusSignals: [CANSignal] = [
        CANSignal(.alarmFlags, frame: 0x35A, byte: 0, .unsigned32),
        CANSignal(.warningFlags, frame: 0x35A, byte: 4, .unsigned32),
        CANSignal(.capacityAh, frame: 0x35F, byte: 4, .unsigned16, unit: "Ah"),
    ]

    /// 0x305 with eight zero bytes, once a second (Pylontech: "includes only 0-bytes").
    static let zeroKeepAlive = KeepAliveFrame(
        frame: CANFrame(id: 0x305, bytes: [0, 0, 0, 0, 0, 0, 0, 0]), periodNanoseconds: 1_000_000_000)

    /// Pylontech LV protocol v1.2: 0x351, 0x355 (4 bytes), 0x356, 0x359, 0x35C, 0x35E.
    public static let pylontechV12 = BMSProtocol(
        name: "pylontech-v1.2", signals: limitSignals + stateSignals + pylontechV12StatusSignals,
        requiredFrameIDs: [0x351, 0x355, 0x356, 0x359], frameTimeoutNanoseconds: 3_000_000_000,
        keepAlive: zeroKeepAlive)

    /// Pylontech LV v1.3 firmware: 0x359/0x35C replaced by the SMA-style 0x35A and 0x35F, 0x355 grown to 6 bytes.
    public static let pylontechV13 = BMSProtocol(
        name: "pylontech-v1.3", signals: limitSignals + stateSignals + [highResolutionSOC] + smaStatusSignals,
        requiredFrameIDs: [0x351, 0x355, 0x356, 0x35A], frameTimeoutNanoseconds: 3_000_000_000,
        keepAlive: zeroKeepAlive)

    /// SMA Sunny Island external BMS (REC table). The inverter's own 0x305 carries its DC measurements; this
    /// plugin is not an inverter and sends it with zero bytes as a presence signal only.
    public static let sma = BMSProtocol(
        name: "sma", signals: limitSignals + stateSignals + [highResolutionSOC] + smaStatusSignals,
        requiredFrameIDs: [0x351, 0x355, 0x356, 0x35A], frameTimeoutNanoseconds: 3_000_000_000,
        keepAlive: zeroKeepAlive)

    /// Every protocol the plugin speaks, by configuration name.
    public static let all: [BMSProtocol] = [pylontechV12, pylontechV13, sma]

    /// The protocol called `name`, or nil.
    public static func named(_ name: String) -> BMSProtocol? { all.first { $0.name == name } }
}
