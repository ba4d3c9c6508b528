import DSODriverABI

/// The vtable's functions: check what crosses the C boundary, then hand over to the instance.
///
/// Nothing here may trap on bad input from a host: every pointer, index and count is checked and answered with
/// an ABI error code and a message.
enum SimulatedDriver {
    static func open(host: UnsafePointer<dso_host>?, config: UnsafePointer<CChar>?,
                     errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> UnsafeMutableRawPointer? {
        do throws(DriverOpenError) {
            let connection = try HostConnection(host)
            guard let config else {
                throw DriverOpenError("config is NULL; expected e.g. scenario=/path/to/scenario.toml")
            }
            let instance = try SimulatedDevicesInstance.open(host: connection, configurationText: String(cString: config))
            return Unmanaged.passRetained(instance).toOpaque()
        } catch {
            ErrorBuffer.write(error.message, to: errorBuffer, capacity: capacity)
            return nil
        }
    }

    static func pointCount(_ raw: UnsafeMutableRawPointer?) -> Int32 {
        guard let instance = instance(raw) else { return Int32(DSO_ERROR_INVALID) }
        return Int32(instance.points.count)
    }

    static func pointInfo(_ raw: UnsafeMutableRawPointer?, index: Int32,
                          out: UnsafeMutablePointer<dso_point_info>?) -> Int32 {
        guard let instance = instance(raw), let out, instance.points.indices.contains(Int(index)) else {
            return Int32(DSO_ERROR_INVALID)
        }
        instance.describe(point: Int(index), into: &out.pointee)
        return Int32(DSO_OK)
    }

    static func read(_ raw: UnsafeMutableRawPointer?, values: UnsafeMutablePointer<Double>?,
                     timestamps: UnsafeMutablePointer<Int64>?, count: Int32,
                     errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        guard let instance = instance(raw) else {
            ErrorBuffer.write("read: instance is NULL", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        guard let values, let timestamps else {
            ErrorBuffer.write("read: values or timestamps_ns is NULL", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        guard Int(count) == instance.points.count else {
            ErrorBuffer.write("read: count \(count) differs from point_count \(instance.points.count)",
                              to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        instance.read(values: values, timestampsNanoseconds: timestamps)
        return Int32(DSO_OK)
    }

    static func write(_ raw: UnsafeMutableRawPointer?, index: Int32, value: Double, validUntil: Int64,
                      errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        guard let instance = instance(raw) else {
            ErrorBuffer.write("write: instance is NULL", to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        guard instance.points.indices.contains(Int(index)) else {
            ErrorBuffer.write("write: point index \(index) is outside 0..<\(instance.points.count)",
                              to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        do {
            try instance.write(point: Int(index), kw: value, validUntilNanoseconds: validUntil)
            return Int32(DSO_OK)
        } catch {
            ErrorBuffer.write("write: \(error.message)", to: errorBuffer, capacity: capacity)
            return error.code
        }
    }

    static func close(_ raw: UnsafeMutableRawPointer?) {
        guard let raw else { return }
        let instance = Unmanaged<SimulatedDevicesInstance>.fromOpaque(raw)
        instance.takeUnretainedValue().host.log(Int32(DSO_LOG_INFO), "closed")
        instance.release()
    }

    private static func instance(_ raw: UnsafeMutableRawPointer?) -> SimulatedDevicesInstance? {
        raw.map { Unmanaged<SimulatedDevicesInstance>.fromOpaque($0).takeUnretainedValue() }
    }
}
