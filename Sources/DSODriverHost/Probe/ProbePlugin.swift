import DSODriverABI

/// A driver plugin loaded on the bench (dsoctl): the same checks as the service's host, then one
/// instance at a time opened straight from a configuration string, without a grid model or point map.
public final class ProbePlugin: Sendable {
    let library: DriverLibrary

    /// The library's path as loaded (absolute).
    public var path: String { library.path }
    /// The ABI version the plugin was built against (the loader refuses any other than the host's).
    public var abiVersion: UInt32 { library.vtable.pointee.abi_version }
    /// `sizeof(dso_driver)` as the plugin was compiled (≥ the host's; larger means a newer header).
    public var vtableSize: UInt32 { library.vtable.pointee.struct_size }
    /// The driver's own name and version (`dso_driver.name`, `.version`).
    public var driverName: String { library.driverName }
    public var driverVersion: String { library.driverVersion }

    /// The ABI version this host speaks.
    public static var hostABIVersion: UInt32 { UInt32(DSO_DRIVER_ABI_VERSION) }

    private init(library: DriverLibrary) { self.library = library }

    /// Loads `path` exactly as `DriverHost` does (absolute path, ELF, `dlopen`, entry symbol, ABI version,
    /// vtable size and members); the error names the file and the reason.
    public static func load(path: String) throws(DriverLoadError) -> ProbePlugin {
        ProbePlugin(library: try DriverLibrary.load(path: path))
    }

    /// Opens one instance with the driver's configuration string (what `config = "…"` holds in `[[drivers]]`).
    /// The host clock is CLOCK_MONOTONIC, as in the threaded service; the driver's log lines are collected.
    public func open(configuration: String, instanceName: String) throws(ProbeOpenError) -> ProbeInstance {
        try ProbeInstance.open(self, configuration: configuration, instanceName: instanceName)
    }
}
