import DSODriverABI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loaded driver plugin: its `dlopen` handle and its checked vtable.
///
/// Libraries are never unloaded: a Swift plugin's metadata stays referenced by the runtime after
/// `dlclose`, so the handle lives for the process (the host also keeps one library per path).
final class DriverLibrary: @unchecked Sendable {
    // Sendable: immutable after init; the vtable is a static constant inside the library.
    let path: String
    let vtable: UnsafePointer<dso_driver>
    let driverName: String
    let driverVersion: String
    // The vtable's functions, checked non-NULL once at load.
    typealias Open = @convention(c) (UnsafePointer<dso_host>?, UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int) -> UnsafeMutableRawPointer?
    let open: Open
    let pointCount: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let pointInfo: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeMutablePointer<dso_point_info>?) -> Int32
    let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Int64>?, Int32,
                               UnsafeMutablePointer<CChar>?, Int) -> Int32
    let write: @convention(c) (UnsafeMutableRawPointer?, Int32, Double, Int64, UnsafeMutablePointer<CChar>?, Int) -> Int32
    let close: @convention(c) (UnsafeMutableRawPointer?) -> Void

    private init?(path: String, vtable: UnsafePointer<dso_driver>) {
        let table = vtable.pointee
        guard let name = table.name, let version = table.version, let open = table.open,
              let pointCount = table.point_count, let pointInfo = table.point_info, let read = table.read,
              let write = table.write, let close = table.close else { return nil }
        self.path = path
        self.vtable = vtable
        driverName = String(cString: name)
        driverVersion = String(cString: version)
        self.open = open
        self.pointCount = pointCount
        self.pointInfo = pointInfo
        self.read = read
        self.write = write
        self.close = close
    }

    /// Opens `path` with `dlopen(RTLD_NOW | RTLD_LOCAL)` and checks the vtable; throws naming the file.
    static func load(path: String) throws(DriverLoadError) -> DriverLibrary {
        func refuse(_ reason: DriverLoadError.Reason) -> DriverLoadError { DriverLoadError(path: path, reason: reason) }
        guard path.hasPrefix("/") else { throw refuse(.relativePath) }
        guard let file = FileHandle(forReadingAtPath: path) else { throw refuse(.notFound) }
        let magic = (try? file.read(upToCount: 4)) ?? Data()
        try? file.close()
        guard magic == Data([0x7F, 0x45, 0x4C, 0x46]) else { throw refuse(.notALibrary) }
        _ = dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw refuse(.openFailed(dlerror().map { String(cString: $0) } ?? "unknown error"))
        }
        // Never dlclose (see the type's comment): on refusal too, the library may already run Swift code.
        guard let symbol = dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL) else { throw refuse(.missingEntrySymbol) }
        let entry = unsafeBitCast(symbol, to: dso_driver_entry_fn.self)
        guard let vtable = entry() else { throw refuse(.nullVTable) }
        let header = vtable.pointee
        guard header.abi_version == DSO_DRIVER_ABI_VERSION else {
            throw refuse(.wrongABIVersion(found: header.abi_version, expected: DSO_DRIVER_ABI_VERSION))
        }
        let expectedSize = UInt32(MemoryLayout<dso_driver>.size)
        guard header.struct_size >= expectedSize else {
            throw refuse(.vtableTooSmall(found: header.struct_size, expected: expectedSize))
        }
        let members: [(String, Bool)] = [
            ("name", header.name != nil), ("version", header.version != nil), ("open", header.open != nil),
            ("point_count", header.point_count != nil), ("point_info", header.point_info != nil),
            ("read", header.read != nil), ("write", header.write != nil), ("close", header.close != nil),
        ]
        if let missing = members.first(where: { !$0.1 }) { throw refuse(.missingMember(missing.0)) }
        guard let library = DriverLibrary(path: path, vtable: vtable) else { throw refuse(.missingMember("?")) }
        return library
    }
}
