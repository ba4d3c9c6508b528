import OpenDSOTestSupport
import DSODriverABI
import Testing

/// What a host checks before it trusts a plugin: the entry symbol, ABI version, struct size, name, functions.
@Suite struct DriverIdentityTests {
    @Test func exportsVersionOneVTableWithEveryFunction() throws {
        let driver = try PluginLibrary.simulatedDevices.load()
        #expect(driver.pointee.abi_version == DSO_DRIVER_ABI_VERSION)
        #expect(Int(driver.pointee.struct_size) == MemoryLayout<dso_driver>.size)
        #expect(String(cString: driver.pointee.name) == "simulated")
        #expect(String(cString: driver.pointee.version) == "1.0.0")
        #expect(driver.pointee.open != nil)
        #expect(driver.pointee.point_count != nil)
        #expect(driver.pointee.point_info != nil)
        #expect(driver.pointee.read != nil)
        #expect(driver.pointee.write != nil)
        #expect(driver.pointee.close != nil)
    }

    /// The vtable is static: loading twice hands out the same table, never a copy that could be freed.
    @Test func entryReturnsTheSameTableEveryTime() throws {
        let first = try PluginLibrary.simulatedDevices.load()
        let second = try PluginLibrary.simulatedDevices.load()
        #expect(first == second)
    }
}
