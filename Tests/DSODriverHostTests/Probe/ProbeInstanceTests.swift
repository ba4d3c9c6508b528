import DSODriverHost
import Foundation
import OpenDSOTestSupport
import Testing

/// The bench probe (what dsoctl uses) against the C example battery built as a plugin author would: identity,
/// points, reads, writes with a time to live, refusals carried verbatim, and the driver's log lines.
@Suite struct ProbeInstanceTests {
    static let configuration = "capacity_kwh=200; max_charge_kw=80; max_discharge_kw=100; soc_percent=40"

    static func withExample(_ body: (ProbePlugin) throws -> Void) throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        try body(try ProbePlugin.load(path: try builder.build("example_driver", file: CDriverBuilder.exampleSource)))
    }

    @Test func reportsIdentityPointsAndReadsWithTheirDuration() throws {
        try Self.withExample { plugin in
            #expect(plugin.driverName == "example-battery" && plugin.driverVersion == "1.0.0")
            #expect(plugin.abiVersion == ProbePlugin.hostABIVersion && plugin.abiVersion == 1)
            let instance = try plugin.open(configuration: Self.configuration, instanceName: "bench-battery")
            #expect(instance.points.map(\.name) == ["p_kw", "soc", "available_up_kw", "available_down_kw", "fault", "p_set_kw"])
            let setpoint = try #require(instance.index(ofPoint: "p_set_kw").map { instance.points[$0] })
            #expect(setpoint.isWritable && setpoint.kind == .setpoint && setpoint.unit == "kW")
            #expect(setpoint.minimum == -80 && setpoint.maximum == 100, "limits come from the configuration")
            let before = instance.now()
            let reading = instance.read()
            #expect(reading.code == .ok && reading.message.isEmpty)
            #expect(reading.values[1] == 40, "SOC as configured: \(reading.values)")
            #expect(reading.startedNanoseconds >= before && reading.durationNanoseconds >= 0)
            // The example stamps every value with the host clock's now: the probe's clock reached the driver.
            #expect(reading.timestampsNanoseconds.allSatisfy { $0 >= reading.startedNanoseconds && $0 <= instance.now() })
            let opened = instance.takeLogLines().map(\.message)
            #expect(opened.contains { $0.contains("driver 'bench-battery': example battery opened: 200 kWh") }, "\(opened)")
            #expect(instance.takeLogLines().isEmpty, "lines are handed out once")
            instance.close()
            #expect(instance.takeLogLines().contains { $0.message.contains("example battery closed") })
        }
    }

    @Test func aWriteHoldsUntilItsValidUntilAndRefusalsCarryTheDriversCode() throws {
        try Self.withExample { plugin in
            let instance = try plugin.open(configuration: Self.configuration, instanceName: "b")
            let setpoint = try #require(instance.index(ofPoint: "p_set_kw"))
            let written = instance.write(point: setpoint, value: 42, validUntilNanoseconds: instance.now() + 60_000_000_000)
            #expect(written.isOK && written.durationNanoseconds >= 0)
            let held = instance.read()
            #expect(held.values[setpoint] == 42 && held.values[0] == 42, "set point and power while valid: \(held.values)")
            // Expired at once: the battery returns to idle on its own (the ABI's time-to-live rule).
            #expect(instance.write(point: setpoint, value: 30, validUntilNanoseconds: instance.now() - 1).isOK)
            #expect(instance.read().values[setpoint] == 0)
            let readOnly = instance.write(point: 0, value: 1, validUntilNanoseconds: instance.now() + 1_000_000_000)
            #expect(readOnly.code == .readOnly && readOnly.message.contains("not writable"), "\(readOnly)")
            let tooBig = instance.write(point: setpoint, value: 500, validUntilNanoseconds: instance.now() + 1_000_000_000)
            #expect(tooBig.code == .invalid && tooBig.message == "example battery: p_set_kw 500 kW is outside -80…100 kW", "\(tooBig)")
        }
    }

    @Test func aRefusedConfigurationCarriesTheDriversMessageVerbatim() throws {
        try Self.withExample { plugin in
            do throws(ProbeOpenError) {
                _ = try plugin.open(configuration: "max_discharge_kw=100", instanceName: "b")
                Issue.record("opened without capacity_kwh")
            } catch {
                #expect(error.driverMessage == "example battery: config key 'capacity_kwh' is required")
                #expect(error.description.contains("driver 'example-battery'") && error.description.contains("instance 'b'"))
            }
        }
    }

    @Test func aFailedReadGivesTheCodeAndMessageAndNoValues() throws {
        let builder = try CDriverBuilder()
        defer { builder.remove() }
        let path = try builder.build("silent", source: """
            #include <dso_driver.h>
            #include <stdio.h>
            static void *o(const dso_host *h, const char *c, char *e, size_t n) { (void)h; (void)c; (void)e; (void)n; return (void *)1; }
            static int32_t pc(void *i) { (void)i; return 1; }
            static int32_t pi(void *i, int32_t k, dso_point_info *out) {
                (void)i; (void)k; *out = (dso_point_info){"p_kw", "kW", DSO_POINT_MEASUREMENT, 0, -10, 10}; return DSO_OK; }
            static int32_t r(void *i, double *v, int64_t *t, int32_t c, char *e, size_t n) {
                (void)i; (void)c; v[0] = 3; t[0] = 1; snprintf(e, n, "meter 'm1': no answer within 300 ms"); return DSO_ERROR_IO; }
            static int32_t w(void *i, int32_t k, double v, int64_t u, char *e, size_t n) { (void)i; (void)k; (void)v; (void)u; (void)e; (void)n; return 7; }
            static void cl(void *i) { (void)i; }
            static const dso_driver vt = { DSO_DRIVER_ABI_VERSION, sizeof(dso_driver), "silent", "0.1", o, pc, pi, r, w, cl };
            __attribute__((visibility("default"))) const dso_driver *dso_driver_entry(void) { return &vt; }
            """)
        let instance = try ProbePlugin.load(path: path).open(configuration: "", instanceName: "m1")
        let reading = instance.read()
        #expect(reading.code == .io && reading.code.rawValue == -1 && reading.message == "meter 'm1': no answer within 300 ms")
        #expect(reading.values[0].isNaN && reading.timestampsNanoseconds == [0], "a failed read's buffer is not data")
        let write = instance.write(point: 0, value: 1, validUntilNanoseconds: 0)
        #expect(write.code == .other(7) && write.code.description == "7")
    }

    @Test func theLoaderRefusesWhatTheServiceWouldRefuse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("libnot.so").path
        try "not a library".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: DriverLoadError(path: text, reason: .notALibrary)) { try ProbePlugin.load(path: text) }
        #expect(throws: DriverLoadError(path: "lib.so", reason: .relativePath)) { try ProbePlugin.load(path: "lib.so") }
    }
}
