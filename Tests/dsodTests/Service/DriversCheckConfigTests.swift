import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod check-config` on a real-device service: mistakes in several `[[drivers]]` entries come out in the same
/// report as the other sections' issues, each with its key path, so one pass over the file fixes them all.
@Suite struct DriversCheckConfigTests {
    /// A metered interface point and a battery, then `drivers` (which names `libDriver.so` beside the file).
    static func service(service: String = "", drivers: String) -> String {
        """
        [service]
        name = "drivers-check"
        \(service)

        [[interface_points]]
        id = "SUB-1"
        import_limit_kw = 2000
        export_limit_kw = 1000
        schedule_kw = 100

        [[batteries]]
        id = "BESS-1"
        interface_point = "SUB-1"
        power_kw = 500
        capacity_kwh = 1000

        \(drivers)
        """
    }

    static let goodDriver = """
        [[drivers]]
        name = "bess-1"
        library = "libDriver.so"
        sign = "generation_positive"

        [[drivers.points]]
        point = "p_w"
        resource = "BESS-1"
        quantity = "measured_kw"
        scale = 0.001
        """

    /// A Modbus storage on a port nobody listens on: with `models=` the plugin opens from the configuration,
    /// as `dsod run` would at a substation whose battery is still off.
    static func modbusDriver(library: String, port: Int) -> String {
        """
        [[drivers]]
        name = "bess-1"
        library = "\(library)"
        config = "name=bess-1; host=127.0.0.1; port=\(port); unit=1; models=1,124,802"
        sign = "generation_positive"

        [[drivers.points]]
        point = "m802.W"
        resource = "BESS-1"
        quantity = "measured_kw"
        scale = 0.001
        """
    }

    /// check-config opens plugins as `dsod run` does: a file `run` would refuse for its plugin does not pass.
    @Test func pluginsAreOpenedAsRunOpensThem() async throws {
        try await TemporaryFolder.with { folder in
            let modbus = try PluginLibrary.modbus.path()
            let good = try folder.write("good.toml", Self.service(drivers: Self.modbusDriver(library: modbus, port: try freeTCPPort())))
            let ok = try await BuiltExecutable.dsod.run(["check-config", good], in: folder, timeoutSeconds: 60)
            #expect(ok.status == 0 && ok.stdout.contains("plugins: 1 instance opened and closed, 1 points mapped"), "\(ok)")

            // A file that is no shared library, and a shared library that is no driver plugin (zlib: no entry point).
            let zlib = ["/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/aarch64-linux-gnu/libz.so.1"]
                .first { FileManager.default.fileExists(atPath: $0) }
            for library in ["/etc/hostname"] + (zlib.map { [$0] } ?? []) {
                let text = Self.service(drivers: Self.goodDriver.replacingOccurrences(of: "libDriver.so", with: library))
                let bad = try folder.write("bad.toml", text)
                let result = try await BuiltExecutable.dsod.run(["check-config", bad], in: folder, timeoutSeconds: 60)
                #expect(result.status == 1 && result.exited && !result.looksLikeACrash, "\(library): \(result)")
                #expect(!result.stdout.contains("OK"), "\(library) must not pass\n\(result.stdout)")
                #expect(result.stdout.contains("1 issue in \(bad)"), "\(result.stdout)")
            }

            let mapped = Self.modbusDriver(library: modbus, port: try freeTCPPort()).replacingOccurrences(of: "m802.W", with: "m802.NoSuchPoint")
            let unknownPoint = try folder.write("point.toml", Self.service(drivers: mapped))
            let refused = try await BuiltExecutable.dsod.run(["check-config", unknownPoint], in: folder, timeoutSeconds: 60)
            #expect(refused.status == 1 && refused.stdout.contains("m802.NoSuchPoint"), "\(refused)")
        }
    }

    @Test func everyDriverIssueIsListedWithTheOtherSections() async throws {
        try await TemporaryFolder.with { folder in
            _ = try folder.write("libDriver.so", "a file check-config reports only once the rest is valid")

            let bad = try folder.write("bad.toml", Self.service(service: "stop_timeout_s = 0", drivers: """
                [[drivers]]
                name = "bess-1"
                library = "libDriver.so"
                sign = "load-positive"
                colour = "red"

                [[drivers.points]]
                point = "p_w"
                resource = "BESS-1"
                quantity = "power"

                [[drivers.points]]
                point = "soc_pct"
                resource = "BESS-1"
                quantity = "soc"
                scale = 0.01

                [[drivers]]
                name = "bess-1"
                library = "libDriver.so"
                sign = "generation_positive"
                poll_period_s = -1

                [[drivers.points]]
                point = "soc"
                resource = "BESS-9"
                quantity = "soc"

                [[drivers.points]]
                point = "soc_pct"
                resource = "BESS-1"
                quantity = "soc"
                scale = 0.01
                """))
            let result = try await BuiltExecutable.dsod.run(["check-config", bad], in: folder, timeoutSeconds: 60)
            #expect(result.status == 1 && result.exited && !result.looksLikeACrash, "\(result)")
            let expected = [
                "service.stop_timeout_s: found 0.0",
                "drivers[0].sign: found \"load-positive\", expected \"generation_positive\" or \"load_positive\"",
                "drivers[0].points[0].quantity: found \"power\", expected one of measured_kw",
                "drivers[0].colour: unknown key, expected one of name, library",
                "drivers[1].name: found \"bess-1\" again",
                "drivers[1].poll_period_s: found -1.0, expected a number of seconds in (0, 3600]",
                "drivers[1].points[0].resource: no resource 'BESS-9' in the grid",
                "drivers[1].points[1]: found resource 'BESS-1' soc again, expected one point per kernel quantity (drivers[0].points[1] already maps it)",
            ]
            for text in expected {
                #expect(result.stdout.contains("\(bad): \(text)"), "missing \(text) in\n\(result.stdout)")
            }
            #expect(result.stdout.contains("\(expected.count) issues in \(bad)"), "nothing else is reported\n\(result.stdout)")
        }
    }
}
