/// Why a driver plugin was refused; always names the library file.
public struct DriverLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The path is relative; plugins are loaded from absolute paths only.
        case relativePath
        /// No file at the path (or it cannot be read).
        case notFound
        /// The file exists but is not an ELF shared library.
        case notALibrary
        /// `dlopen` refused it (missing dependency, wrong architecture…); the loader's message.
        case openFailed(String)
        /// The library does not export `dso_driver_entry`.
        case missingEntrySymbol
        /// `dso_driver_entry` returned NULL.
        case nullVTable
        /// The driver was built against another ABI version.
        case wrongABIVersion(found: UInt32, expected: UInt32)
        /// The vtable is smaller than this host's `dso_driver` (built against an older, incompatible header).
        case vtableTooSmall(found: UInt32, expected: UInt32)
        /// A required function pointer or string of the vtable is NULL.
        case missingMember(String)
    }

    /// The plugin's path as configured.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        let why: String = switch reason {
        case .relativePath: "the path is relative; configure the absolute path of the shared library"
        case .notFound: "no such file (or not readable)"
        case .notALibrary: "not a shared library (no ELF header)"
        case let .openFailed(message): "dlopen failed: \(message)"
        case .missingEntrySymbol: "missing symbol 'dso_driver_entry' (export it with default visibility, or @c public func in Swift)"
        case .nullVTable: "dso_driver_entry returned NULL"
        case let .wrongABIVersion(found, expected): "driver ABI version \(found), this host speaks version \(expected)"
        case let .vtableTooSmall(found, expected): "dso_driver struct_size \(found) bytes is smaller than the host's \(expected) bytes"
        case let .missingMember(name): "the vtable's '\(name)' is NULL"
        }
        return "driver plugin \(path): \(why)"
    }
}
