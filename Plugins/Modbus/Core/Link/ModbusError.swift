import CModbus
import Glibc

/// A failed Modbus request, with the device, the register range and the Modbus exception or link error.
package struct ModbusError: Error, CustomStringConvertible {
    /// The Modbus exception code (1…11) when the device answered with one; nil for a link failure.
    package let exceptionCode: Int?
    package let description: String

    /// True when the device did not answer or the link failed (retry later); false for a Modbus exception, or
    /// when the device answered with something unusable (no SunSpec marker, other models than configured).
    package let isLinkFailure: Bool

    package init(device: String, operation: String, errnoValue: Int32) {
        let base = Int32(MODBUS_ENOBASE)
        if errnoValue > base, errnoValue <= base + 11 {
            let code = Int(errnoValue - base)
            exceptionCode = code
            isLinkFailure = false
            description = "device '\(device)': \(operation): Modbus exception \(code) (\(ModbusError.exceptionName(code)))"
        } else {
            exceptionCode = nil
            isLinkFailure = true
            description = "device '\(device)': \(operation): \(ModbusError.linkFailureName(errnoValue))"
        }
    }

    package init(device: String, message: String) {
        exceptionCode = nil
        isLinkFailure = true
        description = "device '\(device)': \(message)"
    }

    /// The device answered, but what it holds cannot be used as configured: retrying will not help.
    package init(device: String, invalidContent message: String) {
        exceptionCode = nil
        isLinkFailure = false
        description = "device '\(device)': \(message)"
    }

    /// The standard names of Modbus exception codes (Modbus Application Protocol 1.1b3, section 7).
    package static func exceptionName(_ code: Int) -> String {
        switch code {
        case 1: "illegal function"
        case 2: "illegal data address"
        case 3: "illegal data value"
        case 4: "server device failure"
        case 5: "acknowledge"
        case 6: "server device busy"
        case 7: "negative acknowledge"
        case 8: "memory parity error"
        case 10: "gateway path unavailable"
        case 11: "gateway target device failed to respond"
        default: "code \(code)"
        }
    }

    /// Our own names: modbus_strerror and strerror are not thread-safe, and instances run on separate threads.
    package static func linkFailureName(_ errnoValue: Int32) -> String {
        let base = Int32(MODBUS_ENOBASE)
        switch errnoValue {
        case ETIMEDOUT: return "no answer within the timeout"
        case ECONNREFUSED: return "connection refused"
        case ECONNRESET: return "connection reset by the device"
        case EPIPE: return "connection closed by the device"
        case EHOSTUNREACH: return "host unreachable"
        case ENOENT: return "no such serial device"
        case EBADF: return "not connected"
        case base + 12: return "invalid CRC"
        case base + 13: return "invalid data in the response"
        case base + 14: return "invalid exception code in the response"
        case base + 15: return "unknown exception code in the response"
        case base + 16: return "too many data"
        case base + 17: return "response not from the requested unit"
        default: return "link error (errno \(errnoValue))"
        }
    }
}
