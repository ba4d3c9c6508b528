import DSOCANBMS
import DSODriverKit

/// The instance's configuration string, parsed: `key=value` entries separated by `;` or newlines.
struct CANBMSConfiguration {
    static let keys = ["transport", "protocol", "bitrate", "frame_timeout_s", "keepalive"]

    var transport: TransportAddress
    var bmsProtocol: BMSProtocol
    var bitsPerSecond = 500_000
    var frameTimeoutNanoseconds: Int64
    var sendsKeepAlive = true

    init(parsing text: String) throws(DriverOpenError) {
        var entries: [String: String] = [:]
        for raw in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            guard let equals = entry.firstIndex(of: "=") else {
                throw DriverOpenError("config entry '\(entry)' has no '='; expected key=value")
            }
            let key = entry[..<equals].trimmingCharacters(in: .whitespaces)
            guard Self.keys.contains(key) else {
                throw DriverOpenError("config key '\(key)' is unknown; expected one of \(Self.keys.joined(separator: ", "))")
            }
            entries[key] = entry[entry.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        guard let transportText = entries["transport"] else {
            throw DriverOpenError("config key 'transport' is missing; expected socketcan:<interface> or slcan:<serial device>")
        }
        do throws(CANTransportError) {
            transport = try TransportAddress(parsing: transportText)
        } catch {
            throw DriverOpenError("config key 'transport': \(error.description)")
        }
        let protocolName = entries["protocol"] ?? BMSProtocol.pylontechV12.name
        guard let chosen = BMSProtocol.named(protocolName) else {
            throw DriverOpenError("config key 'protocol': '\(protocolName)' is unknown; expected one of \(BMSProtocol.all.map(\.name).joined(separator: ", "))")
        }
        bmsProtocol = chosen
        frameTimeoutNanoseconds = chosen.frameTimeoutNanoseconds
        if let text = entries["bitrate"] {
            guard let value = Int(text), value > 0 else {
                throw DriverOpenError("config key 'bitrate': '\(text)' is not a positive whole number of bit/s (e.g. 500000)")
            }
            bitsPerSecond = value
        }
        if let text = entries["frame_timeout_s"] {
            guard let value = Double(text), value > 0, value <= 3600 else {
                throw DriverOpenError("config key 'frame_timeout_s': '\(text)' is not a number of seconds in (0, 3600]")
            }
            frameTimeoutNanoseconds = Int64(value * 1e9)
        }
        if let text = entries["keepalive"] {
            switch text {
            case "on", "true", "1": sendsKeepAlive = true
            case "off", "false", "0": sendsKeepAlive = false
            default: throw DriverOpenError("config key 'keepalive': '\(text)' is not on or off")
            }
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in _: WhitespaceSet) -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}

/// Blanks the configuration parser trims (the plugin does not import Foundation).
enum WhitespaceSet { case whitespaces }
