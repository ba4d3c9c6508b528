import DSODriverKit
import DSOModbus
import Foundation

/// An instance's configuration string, parsed: `key=value` entries separated by `;` or newlines (docs/modbus.md).
struct ModbusConfiguration {
    /// Where the points come from.
    enum Profile: Equatable {
        /// SunSpec discovery; with `models=`, the expected models (the device may be off at open).
        case sunSpec(SunSpecModelHint?)
        case registerMap(path: String)
    }

    var deviceName = "modbus"
    var endpoint: ModbusEndpoint
    var link = LinkSettings()
    var profile: Profile
    /// How often a set point still wanted is re-written, and the revert timer it carries (twice this, at least 1 s).
    var refreshNanoseconds: Int64 = 1_000_000_000
    var maximumGap = 0

    static let keys = [
        "name", "transport", "host", "port", "device", "baud", "parity", "data_bits", "stop_bits", "unit", "timeout_ms",
        "min_gap_ms", "reconnect_max_ms", "profile", "map", "models", "refresh_s", "max_gap",
    ]

    init(parsing text: String) throws(DriverOpenError) {
        var entries: [String: String] = [:]
        for rawEntry in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let entry = rawEntry.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            guard let equals = entry.firstIndex(of: "=") else {
                throw DriverOpenError("config entry '\(entry)' is not key=value")
            }
            let key = String(entry[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(entry[entry.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard ModbusConfiguration.keys.contains(key) else {
                throw DriverOpenError("config key '\(key)' is unknown; expected one of \(ModbusConfiguration.keys.joined(separator: ", "))")
            }
            entries[key] = value
        }
        func integer(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(DriverOpenError) -> Int {
            guard let text = entries[key] else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw DriverOpenError("config key '\(key)': '\(text)' is not an integer in \(range.lowerBound)…\(range.upperBound)")
            }
            return value
        }
        let transport = entries["transport"] ?? "tcp"
        switch transport {
        case "tcp":
            guard let host = entries["host"], !host.isEmpty else { throw DriverOpenError("config key 'host' is required for transport=tcp") }
            endpoint = .tcp(host: host, port: try integer("port", 502, 1...65535))
        case "rtu":
            guard let device = entries["device"], device.hasPrefix("/") else {
                throw DriverOpenError("config key 'device' is required for transport=rtu: an absolute serial device path, e.g. /dev/ttyUSB0")
            }
            let parityText = entries["parity"] ?? "N"
            guard ["N", "E", "O"].contains(parityText) else { throw DriverOpenError("config key 'parity': '\(parityText)' is not N, E or O") }
            endpoint = .rtu(
                device: device, baud: try integer("baud", 9600, 300...921_600), parity: Character(parityText),
                dataBits: try integer("data_bits", 8, 5...8), stopBits: try integer("stop_bits", 1, 1...2)
            )
        default:
            throw DriverOpenError("config key 'transport': '\(transport)' is not tcp or rtu")
        }
        deviceName = entries["name"] ?? endpoint.label
        link.unitID = try integer("unit", 1, 0...247)
        link.responseTimeoutNanoseconds = Int64(try integer("timeout_ms", 500, 1...60_000)) * 1_000_000
        link.minimumRequestGapNanoseconds = Int64(try integer("min_gap_ms", 0, 0...10_000)) * 1_000_000
        link.reconnectMaximumNanoseconds = Int64(try integer("reconnect_max_ms", 5000, 10...600_000)) * 1_000_000
        link.reconnectInitialNanoseconds = min(link.reconnectInitialNanoseconds, link.reconnectMaximumNanoseconds)
        refreshNanoseconds = Int64(try integer("refresh_s", 1, 1...3600)) * 1_000_000_000
        maximumGap = try integer("max_gap", 0, 0...120)
        switch (entries["profile"], entries["map"]) {
        case (nil, nil), ("sunspec", nil):
            guard let text = entries["models"] else {
                profile = .sunSpec(nil)
                break
            }
            do throws(SunSpecHintError) {
                profile = .sunSpec(try SunSpecModelHint(parsing: text))
            } catch {
                throw DriverOpenError("config key 'models': \(error.description)")
            }
        case (nil, let path?), ("map", let path?):
            guard path.hasPrefix("/") else { throw DriverOpenError("config key 'map': '\(path)' is not an absolute path") }
            guard entries["models"] == nil else { throw DriverOpenError("config key 'models' lists SunSpec models; it does not apply with map=") }
            profile = .registerMap(path: path)
        case (let other?, _):
            throw DriverOpenError("config key 'profile': '\(other)' is not sunspec or map (with map=/path/file.json)")
        }
    }
}
