import DSOModbus
import DSODriverABI

/// The C entry points' Swift side: unwraps the instance, turns thrown errors into return codes and messages.
enum ModbusDriver {
    static func open(host: UnsafePointer<dso_host>?, config: UnsafePointer<CChar>?, errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> UnsafeMutableRawPointer? {
        do {
            let connection = try HostConnection(host)
            let text = config.map { String(cString: $0) } ?? ""
            let instance = try ModbusDeviceInstance.open(configText: text, host: connection)
            return Unmanaged.passRetained(instance).toOpaque()
        } catch {
            ErrorBuffer.write(error.message, to: errorBuffer, capacity: capacity)
            return nil
        }
    }

    static func pointCount(_ instance: UnsafeMutableRawPointer?) -> Int32 {
        guard let instance else { return 0 }
        return Int32(unwrap(instance).pointCount)
    }

    static func pointInfo(_ instance: UnsafeMutableRawPointer?, index: Int32, out: UnsafeMutablePointer<dso_point_info>?) -> Int32 {
        guard let instance, let out else { return Int32(DSO_ERROR_INVALID) }
        let device = unwrap(instance)
        guard index >= 0, Int(index) < device.pointCount else { return Int32(DSO_ERROR_INVALID) }
        out.pointee = device.info(Int(index))
        return Int32(DSO_OK)
    }

    static func read(_ instance: UnsafeMutableRawPointer?, values: UnsafeMutablePointer<Double>?, timestamps: UnsafeMutablePointer<Int64>?, count: Int32, errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        guard let instance, let values, let timestamps else {
            ErrorBuffer.write("read: NULL instance, values or timestamps", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        do {
            try unwrap(instance).read(into: values, timestamps: timestamps, count: Int(count))
            return Int32(DSO_OK)
        } catch {
            ErrorBuffer.write(error.message, to: errorBuffer, capacity: capacity)
            return error.code
        }
    }

    static func write(_ instance: UnsafeMutableRawPointer?, index: Int32, value: Double, validUntil: Int64, errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        guard let instance else {
            ErrorBuffer.write("write: NULL instance", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        do {
            try unwrap(instance).write(index: Int(index), value: value, validUntil: validUntil)
            return Int32(DSO_OK)
        } catch {
            ErrorBuffer.write(error.message, to: errorBuffer, capacity: capacity)
            return error.code
        }
    }

    static func close(_ instance: UnsafeMutableRawPointer?) {
        guard let instance else { return }
        let device = Unmanaged<ModbusDeviceInstance>.fromOpaque(instance)
        device.takeUnretainedValue().release()
        device.release()
    }

    private static func unwrap(_ instance: UnsafeMutableRawPointer) -> ModbusDeviceInstance {
        Unmanaged<ModbusDeviceInstance>.fromOpaque(instance).takeUnretainedValue()
    }
}
