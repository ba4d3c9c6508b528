import Foundation
import OpenDSOTestSupport
import Testing

/// Same scenario ⇒ same run, bit for bit; a capture replays to the digest the run printed.
@Suite struct DeterminismReplayTests {
    /// The report without its wall-clock line (the only thing allowed to differ between two runs).
    private func withoutWallClock(_ stdout: String, _ paths: [String]) -> String {
        var text = stdout.split(separator: "\n").filter { !$0.contains("s wall") }.joined(separator: "\n")
        for (index, path) in paths.enumerated() { text = text.replacingOccurrences(of: path, with: "<file \(index)>") }
        return text
    }

    @Test func twoRunsPrintTheSameDigestAndWriteIdenticalRecords() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let first = folder.file("first.csv"), second = folder.file("second.csv")
            let runA = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--record", first], in: folder)
            let runB = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--record", second], in: folder)
            #expect(runA.status == 0 && runB.status == 0, "\(runA)\n\(runB)")
            let digestA = try #require(SummaryReport(runA.stdout).digest, "\(runA)")
            let digestB = try #require(SummaryReport(runB.stdout).digest)
            #expect(digestA == digestB)
            let bytesA = try Data(contentsOf: URL(fileURLWithPath: first))
            let bytesB = try Data(contentsOf: URL(fileURLWithPath: second))
            #expect(bytesA.count > 1000)
            #expect(bytesA == bytesB, "the two record files differ")
            #expect(withoutWallClock(runA.stdout, [first]) == withoutWallClock(runB.stdout, [second]))
        }
    }

    /// The digest is worth comparing only if it changes with what the kernel did.
    @Test func anotherSeedGivesAnotherDigestAndRecord() async throws {
        try await TemporaryFolder.with { folder in
            let scenarioA = try ScenarioFiles.writeTwoPointScenario(in: folder, file: "a.toml", ScenarioFiles.twoPointScenario(seed: 7))
            let scenarioB = try ScenarioFiles.writeTwoPointScenario(in: folder, file: "b.toml", ScenarioFiles.twoPointScenario(seed: 8))
            let runA = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenarioA, "--record", folder.file("a.csv")], in: folder)
            let runB = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenarioB, "--record", folder.file("b.csv")], in: folder)
            #expect(runA.status == 0 && runB.status == 0, "\(runA)\n\(runB)")
            let digestA = try #require(SummaryReport(runA.stdout).digest)
            let digestB = try #require(SummaryReport(runB.stdout).digest)
            #expect(digestA != digestB)
            #expect(try Data(contentsOf: folder.url.appendingPathComponent("a.csv"))
                    != Data(contentsOf: folder.url.appendingPathComponent("b.csv")))
        }
    }

    /// The capture holds every kernel input, the regulation award included, so a replay reproduces the digest.
    @Test func replayOfACaptureReproducesTheDigest() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            try await expectReplayReproducesDigest(scenario: scenario, in: folder)
        }
    }

    /// Same as above without a regulation award (no `[regulation]` section).
    @Test func replayWithoutRegulationReproducesTheDigest() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder, ScenarioFiles.twoPointScenario(awardMW: nil))
            try await expectReplayReproducesDigest(scenario: scenario, in: folder)
        }
    }

    private func expectReplayReproducesDigest(scenario: String, in folder: TemporaryFolder) async throws {
        let capture = folder.file("inputs.cap")
        let simulate = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--capture-inputs", capture], in: folder)
        #expect(simulate.status == 0, "\(simulate)")
        #expect(simulate.stdout.contains(capture), "the summary names the capture file")
        let report = SummaryReport(simulate.stdout)
        let digest = try #require(report.digest, "\(simulate)")
        let cycles = try #require(report.cycles)
        #expect(FileManager.default.fileExists(atPath: capture))

        let replay = try await BuiltExecutable.dsod.run(
            ["replay", "--scenario", scenario, "--inputs", capture, "--expect-digest", digest], in: folder)
        #expect(replay.status == 0 && replay.exited,
                "replay must reproduce the simulate digest \(digest)\n\(replay)")
        #expect(replay.stdout.contains("replayed \(cycles) cycles, set-point digest \(digest)"), "\(replay)")
        // Upper-case hex is the same digest.
        let upper = try await BuiltExecutable.dsod.run(
            ["replay", "--scenario", scenario, "--inputs", capture, "--expect-digest", digest.uppercased()], in: folder)
        #expect(upper.status == 0, "\(upper)")
    }

    @Test func replayWithAWrongExpectedDigestFails() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder, ScenarioFiles.twoPointScenario(awardMW: nil))
            let capture = folder.file("inputs.cap")
            let simulate = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "60s",
                                               "--capture-inputs", capture], in: folder)
            #expect(simulate.status == 0, "\(simulate)")
            let digest = try #require(SummaryReport(simulate.stdout).digest)
            // Same length, last digit changed.
            let last = digest.last == "0" ? "1" : "0"
            let wrong = String(digest.dropLast()) + last
            let replay = try await BuiltExecutable.dsod.run(["replay", "--scenario", scenario, "--inputs", capture, "--expect-digest", wrong],
                                            in: folder)
            #expect(replay.status != 0 && replay.exited, "\(replay)")
            #expect(!replay.looksLikeACrash, "\(replay)")
            #expect(replay.output.contains(wrong), "the message names the expected digest\n\(replay)")
        }
    }

    @Test func replayAgainstAnotherScenarioNamesTheCaptureFile() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder, file: "two.toml")
            let other = try ScenarioFiles.writeTwoPointScenario(
                in: folder, file: "three.toml", ScenarioFiles.twoPointScenario(extraBatteries: 1))
            let capture = folder.file("inputs.cap")
            let simulate = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "30s",
                                               "--capture-inputs", capture], in: folder)
            #expect(simulate.status == 0, "\(simulate)")
            let replay = try await BuiltExecutable.dsod.run(["replay", "--scenario", other, "--inputs", capture], in: folder)
            #expect(replay.status != 0 && replay.exited, "\(replay)")
            #expect(!replay.looksLikeACrash, "\(replay)")
            #expect(replay.stderr.contains(capture), "the error names the capture file\n\(replay)")
            #expect(replay.stderr.contains("resources"), "\(replay)")
            #expect(!replay.stdout.contains("replayed"), "nothing is replayed into a mismatched kernel")
        }
    }

    @Test func replayOfAMissingOrTruncatedCaptureNamesTheFile() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder, ScenarioFiles.twoPointScenario(awardMW: nil))
            let missing = folder.file("missing.cap")
            let replayMissing = try await BuiltExecutable.dsod.run(["replay", "--scenario", scenario, "--inputs", missing], in: folder)
            #expect(replayMissing.status != 0 && !replayMissing.looksLikeACrash, "\(replayMissing)")
            #expect(replayMissing.stderr.contains(missing), "\(replayMissing)")

            let capture = folder.file("inputs.cap")
            let simulate = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "10s",
                                               "--capture-inputs", capture], in: folder)
            #expect(simulate.status == 0, "\(simulate)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: capture))
            let truncated = folder.file("truncated.cap")
            try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: truncated))
            let replayTruncated = try await BuiltExecutable.dsod.run(["replay", "--scenario", scenario, "--inputs", truncated], in: folder)
            #expect(replayTruncated.status != 0 && !replayTruncated.looksLikeACrash, "\(replayTruncated)")
            #expect(replayTruncated.stderr.contains(truncated), "\(replayTruncated)")
        }
    }
}
