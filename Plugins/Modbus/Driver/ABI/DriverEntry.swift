public import DSODriverABI
import DSODriverKit

/// The vtable, built once on first use and never freed: hosts keep pointers into it for the process's life.
// nonisolated(unsafe): written only inside the global's one-time initialiser (swift_once), read-only after.
nonisolated(unsafe) private let modbusDriverVTable = DriverVTable.permanent(name: "modbus", version: "1.0.0") { table in
    table.open = { host, config, error, capacity in
        DriverCalls<ModbusDeviceInstance>.open(driverName: "modbus", host: host, config: config,
                                               configurationExample: "name=pv-roof; host=10.0.3.21; unit=1",
                                               errorBuffer: error, capacity: capacity)
    }
    table.point_count = { instance in DriverCalls<ModbusDeviceInstance>.pointCount(instance) }
    table.point_info = { instance, index, out in DriverCalls<ModbusDeviceInstance>.pointInfo(instance, index: index, out: out) }
    table.read = { instance, values, timestamps, count, error, capacity in
        DriverCalls<ModbusDeviceInstance>.read(instance, values: values, timestamps: timestamps, count: count,
                                               errorBuffer: error, capacity: capacity)
    }
    table.write = { instance, index, value, validUntil, error, capacity in
        DriverCalls<ModbusDeviceInstance>.write(instance, index: index, value: value, validUntil: validUntil,
                                                errorBuffer: error, capacity: capacity)
    }
    table.close = { instance in DriverCalls<ModbusDeviceInstance>.close(instance) }
}

/// The plugin's one exported symbol: the host calls it after `dlopen` to get the driver's vtable.
@c public func dso_driver_entry() -> UnsafePointer<dso_driver> {
    modbusDriverVTable
}
