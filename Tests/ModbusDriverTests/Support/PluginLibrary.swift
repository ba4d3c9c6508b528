import DSODriverABI
import Foundation
import Testing

/// Finds and loads the built plugin, `libDSOModbusDriver.so`, the way a host does: dlopen + dlsym.
///
/// The test target does not link the plugin target (that would compile the plugin into the test bundle); the
/// library is the build product SwiftPM puts next to the test bundle. `DSO_MODBUS_DRIVER_PLUGIN` overrides.
enum PluginLibrary {
    static let fileName = "libDSOModbusDriver.so"

    /// The plugin's path, or nil with the folders searched.
    static func locate() -> (path: String?, searched: [String]) {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["DSO_MODBUS_DRIVER_PLUGIN"] {
            return (fileManager.fileExists(atPath: explicit) ? explicit : nil, [explicit])
        }
        var starts: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { starts.append(bundle.bundleURL) }
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        var searched: [String] = []
        for start in starts {
            // Linux: <products>/OpenDSOPackageTests.xctest; macOS: <products>/X.xctest/Contents/MacOS/X.
            var folder = start.standardizedFileURL.resolvingSymlinksInPath()
            for _ in 0..<5 {
                folder = folder.deletingLastPathComponent()
                let candidate = folder.appendingPathComponent(fileName).path
                searched.append(folder.path)
                if fileManager.fileExists(atPath: candidate) { return (candidate, searched) }
                if folder.path == "/" { break }
            }
        }
        return (nil, searched)
    }

    /// Loads the plugin and returns its vtable after the host's checks (entry symbol present).
    ///
    /// Loaded with RTLD_NODELETE and never closed: the Swift runtime caches metadata pointers into the library.
    static func load(sourceLocation: SourceLocation = #_sourceLocation) throws -> UnsafePointer<dso_driver> {
        let found = locate()
        let path = try #require(found.path, """
            \(fileName) not found next to the test bundle (searched \(found.searched.joined(separator: ", "))); \
            build it with `swift build --product DSOModbusDriver` or set DSO_MODBUS_DRIVER_PLUGIN
            """, sourceLocation: sourceLocation)
        let handle = try #require(dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE),
                                  "dlopen(\(path)) failed: \(String(cString: dlerror()))", sourceLocation: sourceLocation)
        let symbol = try #require(dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL),
                                  "\(DSO_DRIVER_ENTRY_SYMBOL) not exported by \(path)", sourceLocation: sourceLocation)
        let entry = unsafeBitCast(symbol, to: dso_driver_entry_fn.self)
        return try #require(entry(), "dso_driver_entry returned NULL", sourceLocation: sourceLocation)
    }
}
