import DSODriverHost

/// What to check when a device does not answer or refuses, by driver: the hint under every such error.
enum DeviceHints {
    static func unreachable(driver: String) -> String {
        switch driver {
        case "modbus":
            "host and port (or serial device, baud, parity), unit id, cabling and termination, that the device is powered"
        case "can-bms":
            "the CAN interface or serial adapter (transport=), cabling and termination, bit rate (bitrate=), that the BMS is powered"
        default:
            "the device's address, cabling and that it is powered (the driver's configuration string names them)"
        }
    }

    /// Words in an `open` refusal that say the device, not the configuration, is the problem.
    private static let linkWords = ["connect", "timed out", "within the timeout", "no answer", "refused", "unreachable",
                                    "cannot open", "no route", "reset by peer", "broken pipe", "no such device"]

    /// Whether a driver's message says nothing answered (exit 2) rather than that its input was refused (exit 3).
    /// A message about a configuration key is always the configuration's fault.
    static func saysUnreachable(_ message: String) -> Bool {
        let lowered = message.lowercased()
        if lowered.contains("config key") && !lowered.contains("cannot open") { return false }
        return linkWords.contains { lowered.contains($0) }
    }

    /// The failure for a refused `open`: the driver's message verbatim, classified and with what to check.
    static func openFailure(_ error: ProbeOpenError, configFile: String?) -> CtlFailure {
        if let message = error.driverMessage, saysUnreachable(message) {
            return CtlFailure(.unreachable, error.description, hint: unreachable(driver: error.driverName))
        }
        let file = configFile.map { "the configuration string in \($0)" } ?? "the configuration string (--config)"
        return CtlFailure(.invalidInput, error.description,
                          hint: "\(file) against the driver's keys (docs/modbus.md, docs/can-bms.md, docs/drivers.md)")
    }

    /// The failure for a driver call that did not succeed: no answer → 2, an answer with an error → 1.
    static func callFailure(_ what: String, code: DriverReturnCode, message: String, driver: String) -> CtlFailure {
        let text = "\(what) failed (\(code)): \(message.isEmpty ? "(no message)" : message)"
        if code == .io { return CtlFailure(.unreachable, text, hint: unreachable(driver: driver)) }
        return CtlFailure(.deviceError, text)
    }
}
