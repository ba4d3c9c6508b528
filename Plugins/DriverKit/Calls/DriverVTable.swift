public import DSODriverABI

/// Builds a plugin's vtable once; it is never freed, because hosts keep pointers into it for the process's life.
public enum DriverVTable {
    /// A permanent `dso_driver` with the ABI header, name and version set; `fill` sets the function pointers.
    public static func permanent(name: String, version: String, fill: (inout dso_driver) -> Void) -> UnsafePointer<dso_driver> {
        let table = UnsafeMutablePointer<dso_driver>.allocate(capacity: 1)
        table.initialize(to: dso_driver())
        table.pointee.abi_version = UInt32(DSO_DRIVER_ABI_VERSION)
        table.pointee.struct_size = UInt32(MemoryLayout<dso_driver>.size)
        table.pointee.name = CStringTable.copy(name)
        table.pointee.version = CStringTable.copy(version)
        fill(&table.pointee)
        return UnsafePointer(table)
    }
}
