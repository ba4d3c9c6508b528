import Glibc
import Synchronization

/// The serial lines open in this process, by device path: every instance on one RS-485 line shares its one
/// `ModbusLine` (one libmodbus context, one lock), whatever thread the host runs it on.
package enum SerialLineRegistry {
    /// One open line, the framing it was opened with and who uses it.
    private struct Entry {
        let line: ModbusLine
        /// The device that opened it, named in the error when another asks for a different framing.
        let firstDeviceName: String
        var users: Int
    }

    private static let lines = Mutex<[String: Entry]>([:])

    /// The line for `endpoint` (an `.rtu` endpoint), opened on first use; refuses a framing other than the line's.
    static func acquire(endpoint: ModbusEndpoint, deviceName: String, gapNanoseconds: Int64) throws(ModbusError) -> ModbusLine {
        guard case .rtu(let device, _, _, _, _) = endpoint else {
            throw ModbusError(device: deviceName, message: "\(endpoint.label): not a serial line")
        }
        let key = canonicalPath(device)
        let result: Result<ModbusLine, ModbusError> = lines.withLock { lines in
            if var entry = lines[key] {
                guard entry.line.endpoint.framing == endpoint.framing else {
                    return .failure(ModbusError(device: deviceName, message: """
                        \(endpoint.label): serial line \(key) is already open at \(entry.line.endpoint.framing) by device \
                        '\(entry.firstDeviceName)'; every instance on one line needs the same baud, parity, data and stop bits
                        """))
                }
                entry.users += 1
                lines[key] = entry
                entry.line.raiseGap(to: gapNanoseconds)
                return .success(entry.line)
            }
            do throws(ModbusError) {
                let line = try ModbusLine(endpoint: endpoint, deviceName: deviceName, gapNanoseconds: gapNanoseconds)
                lines[key] = Entry(line: line, firstDeviceName: deviceName, users: 1)
                return .success(line)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// One user fewer; the last one's release drops the line (its port closes when the last link lets go of it).
    static func release(_ line: ModbusLine) {
        guard case .rtu(let device, _, _, _, _) = line.endpoint else { return }
        let key = canonicalPath(device)
        lines.withLock { lines in
            guard var entry = lines[key], entry.line === line else { return }
            entry.users -= 1
            lines[key] = entry.users > 0 ? entry : nil
        }
    }

    /// Instances on one line opened through different names (a /dev/serial/by-id link and /dev/ttyUSB0) share it.
    static func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
