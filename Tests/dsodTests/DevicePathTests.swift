import Foundation
import OpenDSOTestSupport
import Testing

/// dsod reaches simulated devices through the driver plugin, as it reaches hardware; the plugin path and the
/// in-process path must be the same simulation, bit for bit.
@Suite struct DevicePathTests {
    @Test func pluginAndInProcessDevicesGiveTheSameRun() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let plugin = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--devices", "plugin",
                                             "--record", folder.file("plugin.csv")], in: folder)
            let direct = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--devices", "in-process",
                                             "--record", folder.file("direct.csv")], in: folder)
            #expect(plugin.status == 0 && direct.status == 0, "\(plugin)\n\(direct)")
            let pluginDigest = try #require(SummaryReport(plugin.stdout).digest, "\(plugin)")
            #expect(pluginDigest == SummaryReport(direct.stdout).digest)
            let pluginRecord = try Data(contentsOf: folder.url.appendingPathComponent("plugin.csv"))
            #expect(pluginRecord.count > 1000)
            #expect(pluginRecord == (try Data(contentsOf: folder.url.appendingPathComponent("direct.csv"))))
        }
    }

    /// A plugin path that does not exist is refused with the path and what to do, not a crash.
    @Test func aMissingPluginIsNamed() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let missing = folder.file("nowhere/libDSOSimulatedDevices.so")
            let run = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--plugin", missing], in: folder)
            #expect(run.status != 0)
            #expect(run.stderr.contains(missing), "\(run)")
            #expect(run.stderr.contains("--devices in-process"))
            #expect(!run.stderr.contains("Fatal error"))
        }
    }
}
