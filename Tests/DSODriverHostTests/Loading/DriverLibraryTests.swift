import DSODriverABI
import DSODriverHost
import Foundation
import OpenDSOTestSupport
import Testing

/// The host refuses a plugin it cannot trust, with an error naming the file and the reason.
@Suite struct DriverLibraryTests {
    /// A minimal one-point driver; `abi`, `size` and `entry` let a test break it on purpose.
    static func minimalDriver(abi: String = "DSO_DRIVER_ABI_VERSION", size: String = "sizeof(dso_driver)",
                              entry: String = "dso_driver_entry") -> String {
        """
        #include <dso_driver.h>
        #include <stddef.h>
        static void *m_open(const dso_host *h, const char *c, char *e, size_t n) { (void)h; (void)c; (void)e; (void)n; return (void *)1; }
        static int32_t m_count(void *i) { (void)i; return 1; }
        static int32_t m_info(void *i, int32_t k, dso_point_info *o) {
            (void)i; (void)k; *o = (dso_point_info){"p_kw", "kW", DSO_POINT_MEASUREMENT, 0, -10, 10}; return DSO_OK; }
        static int32_t m_read(void *i, double *v, int64_t *t, int32_t c, char *e, size_t n) {
            (void)i; (void)c; (void)e; (void)n; v[0] = 1; t[0] = 0; return DSO_OK; }
        static int32_t m_write(void *i, int32_t k, double v, int64_t u, char *e, size_t n) {
            (void)i; (void)k; (void)v; (void)u; (void)e; (void)n; return DSO_ERROR_READ_ONLY; }
        static void m_close(void *i) { (void)i; }
        static const dso_driver vtable = { \(abi), \(size), "minimal", "1", m_open, m_count, m_info, m_read, m_write, m_close };
        __attribute__((visibility("default"))) const dso_driver *\(entry)(void) { return &vtable; }
        """
    }

    private func loadError(_ path: String) throws -> DriverLoadError {
        let model = try TwoBatteryFixture.model()
        let configuration = DriverConfiguration(
            name: "m", libraryPath: path, sign: .generationPositive,
            points: [PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW))])
        do {
            _ = try DriverHost(configurations: [configuration], model: model, mode: .synchronous)
        } catch let .load(error) {
            return error
        } catch {
            Issue.record("expected a load error, got \(error)")
            throw error
        }
        throw CDriverBuilder.CompileFailure(message: "the host accepted \(path)")
    }

    @Test func aCorrectMinimalDriverLoads() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let path = try builder.build("minimal", source: Self.minimalDriver())
        let host = try DriverHost(
            configurations: [DriverConfiguration(name: "m", libraryPath: path, sign: .generationPositive,
                                                 points: [PointMapping(point: "p_kw", target: .resource(id: "B1", quantity: .measuredKW))])],
            model: try TwoBatteryFixture.model(), mode: .synchronous)
        #expect(host.status().map(\.driverName) == ["minimal"])
        #expect(host.points(ofInstance: "m")?.map(\.name) == ["p_kw"])
    }

    @Test func refusesAWrongABIVersion() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let path = try builder.build("wrongabi", source: Self.minimalDriver(abi: "99u"))
        let error = try loadError(path)
        #expect(error.reason == .wrongABIVersion(found: 99, expected: 1))
        #expect(error.description.contains(path) && error.description.contains("ABI version 99"), "\(error)")
    }

    @Test func refusesAVtableSmallerThanTheHosts() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let path = try builder.build("small", source: Self.minimalDriver(size: "16u"))
        let error = try loadError(path)
        #expect(error.reason == .vtableTooSmall(found: 16, expected: UInt32(MemoryLayout<dso_driver>.size)))
        #expect(error.description.contains(path), "\(error)")
    }

    @Test func refusesALibraryWithoutTheEntrySymbol() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let path = try builder.build("noentry", source: Self.minimalDriver(entry: "driver_entry_misspelled"))
        let error = try loadError(path)
        #expect(error.reason == .missingEntrySymbol)
        #expect(error.description.contains(path) && error.description.contains("dso_driver_entry"), "\(error)")
    }

    @Test func refusesAFileThatIsNotALibrary() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let path = builder.folder.appendingPathComponent("libnotes.so").path
        try "these are notes, not a shared library\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = try loadError(path)
        #expect(error.reason == .notALibrary)
        #expect(error.description == "driver plugin \(path): not a shared library (no ELF header)")
    }

    @Test func refusesANonexistentPathAndARelativeOne() throws {
        let missing = "/nonexistent/opendso/libnothing.so"
        let error = try loadError(missing)
        #expect(error.reason == .notFound)
        #expect(error.description.contains(missing))
        #expect(try loadError("drivers/libthing.so").reason == .relativePath)
    }

    @Test func refusesAnELFFileDlopenCannotLoad() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        // An object file is ELF but not loadable as a shared library.
        let source = builder.folder.appendingPathComponent("object.c")
        try "int object_symbol = 1;\n".write(to: source, atomically: true, encoding: .utf8)
        let object = builder.folder.appendingPathComponent("libobject.so").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cc", "-c", "-o", object, source.path]
        try process.run()
        process.waitUntilExit()
        let error = try loadError(object)
        guard case let .openFailed(message) = error.reason else {
            Issue.record("expected dlopen to fail, got \(error)")
            return
        }
        #expect(!message.isEmpty)
        #expect(error.description.contains(object) && error.description.contains("dlopen failed"))
    }
}
