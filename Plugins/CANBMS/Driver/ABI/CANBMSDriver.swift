import DSODriverABI

/// The vtable's functions: check what crosses the C boundary, then hand over to the instance.
///
/// Nothing here may trap on bad input from a host: every pointer, index and count is checked.
enum CANBMSDriver {
    static func open(host: UnsafePointer<dso_host>?, config: UnsafePointer<CChar>?,
                     errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> UnsafeMutableRawPointer? {
        do throws(DriverOpenError) {
            let connection = try HostConnection(host)
            guard let config else {
                throw DriverOpenError("config is NULL; expected e.g. transport=slcan:/dev/ttyACM0; protocol=pylontech-v1.2")
            }
            let configuration = try CANBMSConfiguration(parsing: String(cString: config))
            let instance = try CANBMSInstance(host: connection, configuration: configuration)
            return Unmanaged.passRetained(instance).toOpaque()
        } catch {
            ErrorBuffer.write(error.message, to: errorBuffer, capacity: capacity)
            return nil
        }
    }

    static func pointCount(_ raw: UnsafeMutableRawPointer?) -> Int32 {
        guard instance(raw) != nil else { return Int32(DSO_ERROR_INVALID) }
        return Int32(BMSPoint.allCases.count)
    }

    static func pointInfo(_ raw: UnsafeMutableRawPointer?, index: Int32,
                          out: UnsafeMutablePointer<dso_point_info>?) -> Int32 {
        guard let instance = instance(raw), let out, let point = BMSPoint(rawValue: Int(index)) else {
            return Int32(DSO_ERROR_INVALID)
        }
        instance.describe(point, into: &out.pointee)
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
        guard Int(count) == BMSPoint.allCases.count else {
            ErrorBuffer.write("read: count \(count) differs from point_count \(BMSPoint.allCases.count)",
                              to: errorBuffer, capacity: capacity)
            return Int32(DSO_ERROR_INVALID)
        }
        instance.read(values: values, timestampsNanoseconds: timestamps)
        return Int32(DSO_OK)
    }

    static func close(_ raw: UnsafeMutableRawPointer?) {
        guard let raw else { return }
        let instance = Unmanaged<CANBMSInstance>.fromOpaque(raw)
        instance.takeUnretainedValue().host.log(Int32(DSO_LOG_INFO), "closed")
        instance.release()
    }

    private static func instance(_ raw: UnsafeMutableRawPointer?) -> CANBMSInstance? {
        raw.map { Unmanaged<CANBMSInstance>.fromOpaque($0).takeUnretainedValue() }
    }
}
