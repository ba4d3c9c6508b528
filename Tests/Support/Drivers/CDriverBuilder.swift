import Foundation
import Testing

/// Compiles C driver sources into shared libraries in a fresh temporary folder, as a plugin author would:
/// `cc -shared -fPIC -fvisibility=hidden -I Sources/DSODriverABI/include`.
public struct CDriverBuilder {
    public let folder: URL

    public init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dso-driver-host-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    public static let exampleSource = Repository.root.appendingPathComponent("Plugins/ExampleC/example_driver.c")

    /// Builds `source` (C text) as `lib<name>.so`; returns its absolute path.
    public func build(_ name: String, source: String) throws -> String {
        let file = folder.appendingPathComponent("\(name).c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return try build(name, file: file)
    }

    /// Builds the C file at `file` as `lib<name>.so`; returns its absolute path.
    public func build(_ name: String, file: URL) throws -> String {
        let output = folder.appendingPathComponent("lib\(name).so").path
        let include = Repository.root.appendingPathComponent("Sources/DSODriverABI/include").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cc", "-shared", "-fPIC", "-fvisibility=hidden", "-std=c11", "-D_DEFAULT_SOURCE",
                             "-Wall", "-Werror", "-I", include, "-o", output, file.path, "-lm"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CompileFailure(message: "cc failed for \(file.path):\n\(message)")
        }
        return output
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }

    public struct CompileFailure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }
}
