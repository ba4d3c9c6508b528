/// Frame and field names as the project's DBC files (Plugins/CANBMS/protocols) spell them, so what a bench tool
/// prints can be read next to cantools or a candump log without a translation table.
extension BMSProtocol {
    /// The frame that carries the manufacturer's name as ASCII (Pylontech "PYLON   ", SMA-style BMSs their own).
    public static let manufacturerFrameID: UInt32 = 0x35E

    /// DBC message names by frame id; which of them a protocol uses is decided by its tables.
    private static let messageNames: [UInt32: String] = [
        0x305: "Inverter_KeepAlive", 0x351: "BMS_Limits", 0x355: "BMS_State", 0x356: "BMS_Measurements",
        0x359: "BMS_Protection", 0x35A: "BMS_AlarmsWarnings", 0x35C: "BMS_Request", 0x35E: "BMS_Name", 0x35F: "BMS_Info",
    ]

    /// The DBC message name of `frameID` when this protocol uses the frame (decodes it, requires it, sends it as the
    /// keep-alive, or it is the manufacturer name); nil for a frame the protocol does not know.
    public func frameName(_ frameID: UInt32) -> String? {
        let known = frameID == keepAlive.frame.id || frameID == Self.manufacturerFrameID || receivedFrameIDs.contains(frameID)
        return known ? Self.messageNames[frameID] : nil
    }

    /// The signals this protocol decodes from frame `frameID`, in byte order.
    public func signals(inFrame frameID: UInt32) -> [CANSignal] {
        signals.filter { $0.frameID == frameID }.sorted { $0.byteOffset < $1.byteOffset }
    }

    /// The manufacturer name in a 0x35E frame: ASCII, padding spaces and NULs removed; non-printable bytes as '?'.
    public static func manufacturerName(in frame: CANFrame) -> String {
        let characters = frame.bytes.prefix { $0 != 0 }.map { (32...126).contains($0) ? Character(UnicodeScalar($0)) : "?" }
        return String(characters).trimmingTrailingSpaces()
    }
}

extension BMSQuantity {
    /// The DBC signal name of this quantity (e.g. `ChargeVoltageLimit`); 0x359's protection and warning bytes,
    /// which the DBC splits into bits, are named as the 16-bit fields the tables read.
    public var signalName: String {
        switch self {
        case .stateOfChargePercent: "StateOfCharge"
        case .stateOfHealthPercent: "StateOfHealth"
        case .stateOfChargeHighResolutionPercent: "StateOfChargeHighResolution"
        case .voltageV: "Voltage"
        case .currentA: "Current"
        case .temperatureDegC: "Temperature"
        case .chargeVoltageLimitV: "ChargeVoltageLimit"
        case .chargeCurrentLimitA: "ChargeCurrentLimit"
        case .dischargeCurrentLimitA: "DischargeCurrentLimit"
        case .dischargeVoltageLimitV: "DischargeVoltageLimit"
        case .alarmFlags: "AlarmFlags"
        case .warningFlags: "WarningFlags"
        case .chargeEnable: "ChargeEnable"
        case .dischargeEnable: "DischargeEnable"
        case .moduleCount: "ModuleCount"
        case .capacityAh: "Capacity"
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
