public import DSODriverABI

/// The vtable functions' Swift side: checks every pointer, index and count the host passes, so nothing here traps
/// on bad input, and turns thrown errors into ABI codes and messages prefixed with the driver's name.
///
/// Only `open` knows the plugin's instance type (a C function pointer cannot be generic, so each plugin passes one
/// `open` closure to `DriverVTable.permanent`); the instance then crosses the boundary boxed, and every other call
/// is the kit's own.
public enum DriverCalls {
    public static func open<Instance: DriverPluginInstance>(
        _ type: Instance.Type, driverName: String, host: UnsafePointer<dso_host>?, config: UnsafePointer<CChar>?,
        configurationExample: String, errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int
    ) -> UnsafeMutableRawPointer? {
        do throws(DriverOpenError) {
            let connection = try HostConnection(host, driverName: driverName)
            guard let config else { throw DriverOpenError("config is NULL; expected e.g. \(configurationExample)") }
            let instance = try Instance.open(host: connection, configuration: String(cString: config))
            return Unmanaged.passRetained(InstanceBox(instance)).toOpaque()
        } catch {
            ErrorBuffer.write("\(driverName): \(error.message)", to: errorBuffer, capacity: capacity)
            return nil
        }
    }

    public static func pointCount(_ raw: UnsafeMutableRawPointer?) -> Int32 {
        guard let instance = instance(raw) else { return Int32(DSO_ERROR_INVALID) }
        return Int32(instance.pointCount)
    }

    public static func pointInfo(_ raw: UnsafeMutableRawPointer?, index: Int32,
                                 out: UnsafeMutablePointer<dso_point_info>?) -> Int32 {
        guard let instance = instance(raw), let out, index >= 0, Int(index) < instance.pointCount else {
            return Int32(DSO_ERROR_INVALID)
        }
        instance.describe(point: Int(index), into: &out.pointee)
        return Int32(DSO_OK)
    }

    public static func read(_ raw: UnsafeMutableRawPointer?, values: UnsafeMutablePointer<Double>?,
                            timestamps: UnsafeMutablePointer<Int64>?, count: Int32,
                            errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        guard let instance = instance(raw) else {
            ErrorBuffer.write("read: instance is NULL", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        let name = instance.host.driverName
        guard let values, let timestamps else {
            ErrorBuffer.write("\(name): read: values or timestamps_ns is NULL", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        guard Int(count) == instance.pointCount else {
            ErrorBuffer.write("\(name): read: count \(count) differs from point_count \(instance.pointCount)",
                              to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        do throws(DriverCallError) {
            try instance.read(values: values, timestampsNanoseconds: timestamps)
            return Int32(DSO_OK)
        } catch {
            ErrorBuffer.write("\(name): \(error.message)", to: errorBuffer, capacity: capacity)
            return error.code
        }
    }

    public static func write(_ raw: UnsafeMutableRawPointer?, index: Int32, value: Double, validUntil: Int64,
                             errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        guard let instance = instance(raw) else {
            ErrorBuffer.write("write: instance is NULL", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        let name = instance.host.driverName
        guard index >= 0, Int(index) < instance.pointCount else {
            ErrorBuffer.write("\(name): write: point index \(index) is outside 0..<\(instance.pointCount)",
                              to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        do throws(DriverCallError) {
            try instance.write(point: Int(index), value: value, validUntilNanoseconds: validUntil)
            return Int32(DSO_OK)
        } catch {
            ErrorBuffer.write("\(name): \(error.message)", to: errorBuffer, capacity: capacity)
            return error.code
        }
    }

    public static func close(_ raw: UnsafeMutableRawPointer?) {
        guard let raw else { return }
        let box = Unmanaged<InstanceBox>.fromOpaque(raw)
        let instance = box.takeUnretainedValue().instance
        instance.close()
        instance.host.log(Int32(DSO_LOG_INFO), "closed")
        box.release()
    }

    private static func instance(_ raw: UnsafeMutableRawPointer?) -> (any DriverPluginInstance)? {
        raw.map { Unmanaged<InstanceBox>.fromOpaque($0).takeUnretainedValue().instance }
    }
}

/// What the host holds as the instance pointer: one class whatever the plugin's instance type.
final class InstanceBox {
    let instance: any DriverPluginInstance
    init(_ instance: any DriverPluginInstance) { self.instance = instance }
}
