public import DSODriverABI

/// Builds a plugin's vtable once; it is never freed, because hosts keep pointers into it for the process's life.
public enum DriverVTable {
    /// The C signature of `dso_driver.open`.
    public typealias Open = @convention(c) (UnsafePointer<dso_host>?, UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int)
        -> UnsafeMutableRawPointer?

    /// A permanent `dso_driver`: the ABI header, name and version, the plugin's `open` (the one call that knows its
    /// instance type; it forwards to `DriverCalls.open`) and the kit's checked calls for everything else.
    public static func permanent(name: String, version: String, open: Open) -> UnsafePointer<dso_driver> {
        let table = UnsafeMutablePointer<dso_driver>.allocate(capacity: 1)
        table.initialize(to: dso_driver())
        table.pointee.abi_version = UInt32(DSO_DRIVER_ABI_VERSION)
        table.pointee.struct_size = UInt32(MemoryLayout<dso_driver>.size)
        table.pointee.name = CStringTable.copy(name)
        table.pointee.version = CStringTable.copy(version)
        table.pointee.open = open
        table.pointee.point_count = { instance in DriverCalls.pointCount(instance) }
        table.pointee.point_info = { instance, index, out in DriverCalls.pointInfo(instance, index: index, out: out) }
        table.pointee.read = { instance, values, timestamps, count, error, capacity in
            DriverCalls.read(instance, values: values, timestamps: timestamps, count: count, errorBuffer: error, capacity: capacity)
        }
        table.pointee.write = { instance, index, value, validUntil, error, capacity in
            DriverCalls.write(instance, index: index, value: value, validUntil: validUntil, errorBuffer: error, capacity: capacity)
        }
        table.pointee.close = { instance in DriverCalls.close(instance) }
        return UnsafePointer(table)
    }
}
