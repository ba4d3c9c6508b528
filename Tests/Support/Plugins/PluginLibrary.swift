import DSODriverABI
import Foundation

/// A driver plugin this package builds, found next to the test bundle and loaded the way a host loads it (dlopen + dlsym).
///
/// The test targets do not link the plugin targets (that would compile the plugin into the test bundle); the
/// library is the build product SwiftPM puts next to the test bundle, or the file an environment variable names.
public struct PluginLibrary: Sendable {
    /// `libX.so`, as SwiftPM names the dynamic library product.
    public let fileName: String
    /// The environment variable that names the library instead (for a build elsewhere, a release build).
    public let overrideVariable: String
    /// The SwiftPM product that builds it, for the "not found" message.
    public let product: String

    public init(fileName: String, overriddenBy overrideVariable: String, product: String) {
        self.fileName = fileName
        self.overrideVariable = overrideVariable
        self.product = product
    }

    /// The simulated battery, PV, load, DR and meters (Plugins/SimulatedDevices).
    public static let simulatedDevices = PluginLibrary(
        fileName: "libDSOSimulatedDevices.so", overriddenBy: "DSO_SIMULATED_DEVICES_PLUGIN", product: "DSOSimulatedDevices")
    /// The Modbus TCP/RTU driver (Plugins/Modbus/Driver).
    public static let modbus = PluginLibrary(
        fileName: "libDSOModbusDriver.so", overriddenBy: "DSO_MODBUS_DRIVER_PLUGIN", product: "DSOModbusDriver")
    /// The CAN battery-BMS driver (Plugins/CANBMS/Driver).
    public static let canBMS = PluginLibrary(
        fileName: "libDSOCANBMSDriver.so", overriddenBy: "DSO_CAN_BMS_PLUGIN", product: "DSOCANBMSDriver")

    /// The library's path: the file `overrideVariable` names (which must exist), else the build product.
    public func path() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment[overrideVariable] {
            guard FileManager.default.isReadableFile(atPath: explicit) else {
                throw PluginLoadError(description: "\(overrideVariable)=\(explicit) names no readable file")
            }
            return explicit
        }
        guard let found = BuiltProduct.locate(fileName) else {
            let searched = BuiltProduct.searchFolders.map(\.path).joined(separator: ", ")
            throw PluginLoadError(description: """
                \(fileName) not found next to the test bundle (searched \(searched)); \
                build it with `swift build --product \(product)` or set \(overrideVariable)
                """)
        }
        return found.path
    }

    /// Loads the library and returns its vtable after the host's first check (the entry symbol is exported).
    ///
    /// Loaded with RTLD_NODELETE and never closed: the Swift runtime caches metadata pointers into the library.
    public func load() throws -> UnsafePointer<dso_driver> {
        let path = try path()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            throw PluginLoadError(description: "dlopen(\(path)) failed: \(String(cString: dlerror()))")
        }
        guard let symbol = dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL) else {
            throw PluginLoadError(description: "\(DSO_DRIVER_ENTRY_SYMBOL) not exported by \(path)")
        }
        guard let vtable = unsafeBitCast(symbol, to: dso_driver_entry_fn.self)() else {
            throw PluginLoadError(description: "\(DSO_DRIVER_ENTRY_SYMBOL) of \(path) returned NULL")
        }
        return vtable
    }
}

/// A plugin library that could not be found or loaded; the message names the file and what to do.
public struct PluginLoadError: Error, CustomStringConvertible {
    public let description: String
}
