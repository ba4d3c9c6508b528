import DSOModbus
public import DSODriverABI

/// The vtable, built once on first use and never freed: hosts keep pointers into it for the process's life.
// nonisolated(unsafe): written only inside the global's one-time initialiser (swift_once), read-only after.
nonisolated(unsafe) private let modbusDriverVTable: UnsafeMutablePointer<dso_driver> = {
    let table = UnsafeMutablePointer<dso_driver>.allocate(capacity: 1)
    table.initialize(to: dso_driver())
    table.pointee.abi_version = UInt32(DSO_DRIVER_ABI_VERSION)
    table.pointee.struct_size = UInt32(MemoryLayout<dso_driver>.size)
    table.pointee.name = DriverStrings.permanent("modbus")
    table.pointee.version = DriverStrings.permanent("1.0.0")
    table.pointee.open = { host, config, error, capacity in
        ModbusDriver.open(host: host, config: config, errorBuffer: error, capacity: capacity)
    }
    table.pointee.point_count = { instance in ModbusDriver.pointCount(instance) }
    table.pointee.point_info = { instance, index, out in ModbusDriver.pointInfo(instance, index: index, out: out) }
    table.pointee.read = { instance, values, timestamps, count, error, capacity in
        ModbusDriver.read(instance, values: values, timestamps: timestamps, count: count, errorBuffer: error, capacity: capacity)
    }
    table.pointee.write = { instance, index, value, validUntil, error, capacity in
        ModbusDriver.write(instance, index: index, value: value, validUntil: validUntil, errorBuffer: error, capacity: capacity)
    }
    table.pointee.close = { instance in ModbusDriver.close(instance) }
    return table
}()

/// The plugin's one exported symbol: the host calls it after `dlopen` to get the driver's vtable.
@c public func dso_driver_entry() -> UnsafePointer<dso_driver> {
    UnsafePointer(modbusDriverVTable)
}

/// C strings that live as long as the process (the driver's name and version).
enum DriverStrings {
    static func permanent(_ text: String) -> UnsafePointer<CChar> {
        let bytes = Array(text.utf8)
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (offset, byte) in bytes.enumerated() { copy[offset] = CChar(bitPattern: byte) }
        copy[bytes.count] = 0
        return UnsafePointer(copy)
    }
}
