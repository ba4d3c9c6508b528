import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl plugin info`: identity of the built plugins, points of an opened instance, and refusals with exit 3.
@Suite(.serialized) struct PluginInfoTests {
    @Test func showsTheABIVersionNameAndVersionOfTheBuiltPlugins() async throws {
        try await TemporaryFolder.with { folder in
            let modbus = try PluginLibrary.modbus.path()
            let text = try await BuiltExecutable.dsoctl.run(["plugin", "info", modbus], in: folder)
            #expect(text.status == 0, "\(text)")
            #expect(text.stdout.contains("modbus 1.0.0") && text.stdout.contains("ABI version  1"), "\(text)")
            let json = try jsonObject(try await BuiltExecutable.dsoctl.run(["plugin", "info", try PluginLibrary.canBMS.path(), "--json"], in: folder).stdout)
            #expect(json["driver"] as? String == "can-bms" && json["abiVersion"] as? Int == 1, "\(json)")
            #expect(json["points"] == nil, "no points without a configuration: \(json)")
        }
    }

    @Test func aRefusedPluginExitsThreeWithTheLoadersMessage() async throws {
        try await TemporaryFolder.with { folder in
            let fake = try folder.write("libfake.so", "not an ELF file")
            let result = try await BuiltExecutable.dsoctl.run(["plugin", "info", fake], in: folder)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("driver plugin \(fake): not a shared library (no ELF header)"), "\(result)")
            #expect(result.stderr.contains("check:"), "a refusal says what to check: \(result)")
            let missing = try await BuiltExecutable.dsoctl.run(["plugin", "info", folder.file("nowhere.so")], in: folder)
            #expect(missing.status == 3 && missing.stderr.contains("no such file"), "\(missing)")
        }
    }

    @Test(.enabled(if: ModbusPeer.isAvailable, "pymodbus 3.16.1 not in .venv (run scripts/setup-peers.sh)"))
    func withAConfigurationItListsTheInstancesPoints() async throws {
        try await TemporaryFolder.with { folder in
            let peer = try ModbusPeer(device: "inverter")
            let config = try DriverConfigFiles.modbusConfig(peer, in: folder)
            let result = try await BuiltExecutable.dsoctl.run(["plugin", "info", try PluginLibrary.modbus.path(), "--config", config, "--json"], in: folder)
            #expect(result.status == 0, "\(result)")
            let json = try jsonObject(result.stdout)
            #expect(json["instance"] as? String == "bench-dut")
            let watts = try #require(entry(json["points"], named: "m103.W"), "\(result.stdout.prefix(2000))")
            #expect(watts["unit"] as? String == "W" && watts["writable"] as? Bool == false && watts["kind"] as? String == "measurement")
            let limit = try #require(entry(json["points"], named: "p_limit_pct"))
            #expect(limit["writable"] as? Bool == true && limit["minimum"] as? Double == 0 && limit["maximum"] as? Double == 100, "\(limit)")
            let table = try await BuiltExecutable.dsoctl.run(["plugin", "info", try PluginLibrary.modbus.path(), "--config", config], in: folder)
            #expect(table.stdout.contains("point") && table.stdout.contains("writable") && table.stdout.contains("p_limit_pct"), "\(table)")
        }
    }

    @Test func aServiceTOMLNamesTheLibraryAndAskedForADriverWhenItHasSeveral() async throws {
        try await TemporaryFolder.with { folder in
            let library = try PluginLibrary.canBMS.path()
            func entry(_ name: String, sign: String = "generation_positive") -> String {
                """
                [[drivers]]
                name = "\(name)"
                library = "\(library)"
                config = "transport=slcan:/dev/null; protocol=pylontech-v1.2"
                sign = "\(sign)"

                [[drivers.points]]
                point = "p_kw"
                resource = "BESS-1"
                quantity = "measured_kw"

                """
            }
            let two = try folder.write("two.toml", "[service]\nname = \"bench\"\n\n" + entry("bms-1") + entry("bms-2"))
            let ambiguous = try await BuiltExecutable.dsoctl.run(["plugin", "info", "--config", two], in: folder)
            #expect(ambiguous.status == 3 && ambiguous.stderr.contains("--driver") && ambiguous.stderr.contains("bms-1, bms-2"), "\(ambiguous)")
            let picked = try await BuiltExecutable.dsoctl.run(["plugin", "info", "--config", two, "--driver", "bms-2", "--json"], in: folder)
            #expect(picked.status == 0, "\(picked)")
            let json = try jsonObject(picked.stdout)
            #expect(json["instance"] as? String == "bms-2" && json["driver"] as? String == "can-bms" && json["path"] as? String == library)
            let bad = try folder.write("bad.toml", entry("bms-1", sign: "sideways"))
            let refused = try await BuiltExecutable.dsoctl.run(["plugin", "info", "--config", bad], in: folder)
            #expect(refused.status == 3 && refused.stderr.contains("\(bad): drivers[0].sign"), "errors name the file and key: \(refused)")
        }
    }
}
