public import DSODriverABI
import DSODriverKit

/// The vtable, built once on first use and never freed: hosts keep pointers into it for the process's life.
// nonisolated(unsafe): written only inside the global's one-time initialiser (swift_once), read-only after.
nonisolated(unsafe) private let modbusDriverVTable = DriverVTable.permanent(name: "modbus", version: "1.0.0") { host, config, error, capacity in
    DriverCalls.open(ModbusDeviceInstance.self, driverName: "modbus", host: host, config: config,
                     configurationExample: "name=pv-roof; host=10.0.3.21; unit=1", errorBuffer: error, capacity: capacity)
}

/// The plugin's one exported symbol: the host calls it after `dlopen` to get the driver's vtable.
@c public func dso_driver_entry() -> UnsafePointer<dso_driver> {
    modbusDriverVTable
}
