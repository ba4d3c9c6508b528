import DSOStatusSchema
import Foundation
import OpenDSOTestSupport
import Testing

/// `dsoctl status` against a running `dsod run` on simulated devices: cycle health, interface points, resources,
/// drivers and scores from its API; a wrong token exits 3, no dsod exits 2.
@Suite(.serialized) struct StatusTests {
    @Test func showsTheRunningServiceAndPassesItsAnswersThroughAsJSON() async throws {
        try await TemporaryFolder.with { folder in
            let dsod = try RunningDSOD(in: folder)
            try #require(try await dsod.waitUntilServing(), "dsod did not start serving\n\(dsod.stderr)")
            let token = ["--url", dsod.url, "--token", RunningDSOD.viewerToken]
            let text = try await BuiltExecutable.dsoctl.run(["status"] + token, in: folder)
            #expect(text.status == 0, "\(text)")
            for fragment in ["kernel", "running", "overruns", "cycle time", "interface points", "SUB-A", "resources", "BESS-A1",
                             "LOAD-A", "drivers", "scores", "PJM"] {
                #expect(text.stdout.contains(fragment), "missing \(fragment)\n\(text)")
            }
            let result = try await BuiltExecutable.dsoctl.run(["status", "--json"] + token, in: folder)
            #expect(result.status == 0, "\(result)")
            // dsod's answers pass through as they came: each still reads as the status schema's document.
            struct Passed: Decodable {
                var status: StatusDocument
                var interfacePoints: [InterfacePointStatus]
                var resources: [ResourceStatus]
                var drivers: [DriverStatus]?
                var scores: RegulationScores
            }
            let passed = try JSONDecoder().decode(Passed.self, from: Data(result.stdout.utf8))
            let kernel = passed.status.kernel
            #expect(kernel.cycles > 0 && kernel.cyclePeriodSeconds == 0.1, "\(kernel)")
            #expect(passed.interfacePoints.map(\.id) == ["SUB-A"] && passed.interfacePoints.first?.scheduledKW == 300,
                    "\(passed.interfacePoints)")
            #expect(passed.resources.map(\.id) == ["BESS-A1", "LOAD-A"], "\(passed.resources)")
            let drivers = try #require(passed.drivers, "this dsod serves /api/v1/drivers: \(result.stdout)")
            #expect(drivers.first?.driver.isEmpty == false && drivers.first?.state.isEmpty == false,
                    "the simulated plugin's instance: \(drivers)")
            let json = try jsonObject(result.stdout)
            let cycles = try #require(json["cycleDuration"] as? [String: Any], "cycle times from /metrics: \(json)")
            #expect((cycles["count"] as? Int ?? 0) > 0 && (cycles["meanMs"] as? Double ?? -1) >= 0, "\(cycles)")
        }
    }

    @Test func aMissingOrWrongTokenExitsThreeNamingTheToken() async throws {
        try await TemporaryFolder.with { folder in
            let dsod = try RunningDSOD(in: folder)
            try #require(try await dsod.waitUntilServing(), "dsod did not start serving\n\(dsod.stderr)")
            let none = try await BuiltExecutable.dsoctl.run(["status", "--url", dsod.url], in: folder)
            #expect(none.status == 3 && none.stderr.contains("401") && none.stderr.contains("--token"), "\(none)")
            let wrong = try await BuiltExecutable.dsoctl.run(["status", "--url", dsod.url, "--token", "not-a-known-token-000"], in: folder)
            #expect(wrong.status == 3 && wrong.stderr.contains("the token is not known"), "\(wrong)")
        }
    }

    @Test func noDSODExitsTwoAndSaysToCheckTheURL() async throws {
        try await TemporaryFolder.with { folder in
            let url = "http://127.0.0.1:\(try freeTCPPort())"
            let result = try await BuiltExecutable.dsoctl.run(["status", "--url", url, "--token", RunningDSOD.viewerToken], in: folder)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("is dsod running? check --url"), "\(result)")
        }
    }
}
