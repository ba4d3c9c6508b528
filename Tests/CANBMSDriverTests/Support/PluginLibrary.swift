import DSODriverABI
import Foundation
import Testing

/// Finds and loads the built plugin, `libDSOCANBMSDriver.so`, as a host does (dlopen + dlsym).
///
/// The test target does not link the plugin target; the library is the product SwiftPM puts next to the test
/// bundle. `DSO_CAN_BMS_PLUGIN` overrides.
enum PluginLibrary {
    static let fileName = "libDSOCANBMSDriver.so"

    static func locate() -> (path: String?, searched: [String]) {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["DSO_CAN_BMS_PLUGIN"] {
            return (fileManager.fileExists(atPath: explicit) ? explicit : nil, [explicit])
        }
        var starts: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { starts.append(bundle.bundleURL) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        var searched: [String] = []
        for start in starts {
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

    static func path(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let found = locate()
        return try #require(found.path, """
            \(fileName) not found next to the test bundle (searched \(found.searched.joined(separator: ", "))); \
            build it with `swift build --product DSOCANBMSDriver` or set DSO_CAN_BMS_PLUGIN
            """, sourceLocation: sourceLocation)
    }

    /// The vtable; loaded with RTLD_NODELETE and never closed (the Swift runtime caches pointers into it).
    static func load(sourceLocation: SourceLocation = #_sourceLocation) throws -> UnsafePointer<dso_driver> {
        let path = try path(sourceLocation: sourceLocation)
        let handle = try #require(dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE),
                                  "dlopen(\(path)) failed: \(String(cString: dlerror()))", sourceLocation: sourceLocation)
        let symbol = try #require(dlsym(handle, DSO_DRIVER_ENTRY_SYMBOL), "\(DSO_DRIVER_ENTRY_SYMBOL) not exported",
                                  sourceLocation: sourceLocation)
        return try #require(unsafeBitCast(symbol, to: dso_driver_entry_fn.self)(), sourceLocation: sourceLocation)
    }
}
