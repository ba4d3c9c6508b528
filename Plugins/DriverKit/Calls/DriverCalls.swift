public import DSODriverABI

/// The vtable functions' Swift side for one instance type: checks every pointer, index and count the host passes,
/// so nothing here traps on bad input, and turns thrown errors into ABI codes and messages prefixed with the driver.
///
/// A plugin's `@convention(c)` thunks cannot be generic, so each plugin keeps its own vtable closures; they only
/// forward to these functions.
public enum DriverCalls<Instance: DriverInstance> {
    public static func open(driverName: String, host: UnsafePointer<dso_host>?, config: UnsafePointer<CChar>?,
                            configurationExample: String, errorBuffer: UnsafeMutablePointer<CChar>?,
                            capacity: Int) -> UnsafeMutableRawPointer? {
        do throws(DriverOpenError) {
            let connection = try HostConnection(host, driverName: driverName)
            guard let config else { throw DriverOpenError("config is NULL; expected e.g. \(configurationExample)") }
            let instance = try Instance.open(host: connection, configuration: String(cString: config))
            return Unmanaged.passRetained(instance).toOpaque()
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
        let instance = Unmanaged<Instance>.fromOpaque(raw)
        instance.takeUnretainedValue().close()
        instance.takeUnretainedValue().host.log(Int32(DSO_LOG_INFO), "closed")
        instance.release()
    }

    private static func instance(_ raw: UnsafeMutableRawPointer?) -> Instance? {
        raw.map { Unmanaged<Instance>.fromOpaque($0).takeUnretainedValue() }
    }
}
