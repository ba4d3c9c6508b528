import Foundation
import OpenDSOTestSupport
import Testing

/// Bad input ends the run with a message that says where the problem is, never with a crash trace.
@Suite struct ErrorReportingTests {
    private func expectCleanFailure(_ result: ProductRunResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exited, "dsod died of a signal\n\(result)", sourceLocation: sourceLocation)
        #expect(result.status != 0, "dsod accepted bad input\n\(result)", sourceLocation: sourceLocation)
        #expect(!result.looksLikeACrash, "\(result)", sourceLocation: sourceLocation)
        #expect(!result.stderr.isEmpty, "the error goes to stderr\n\(result)", sourceLocation: sourceLocation)
        #expect(!result.stdout.contains("OpenDSO simulation"), "no run after an error\n\(result)", sourceLocation: sourceLocation)
    }

    @Test func scenarioProblemsAreAllReportedAtOnceByKeyPath() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try folder.write("bad.toml", """
                [scenario]
                name = "bad"
                colour = "blue"

                [kernel]
                period_s = -1

                [[interface_points]]
                id = "SUB-A"
                import_limit_kw = 5000
                export_limit_kw = 2000

                [[batteries]]
                id = "BESS-1"
                interface_point = "SUB-NOWHERE"
                power_kw = 100
                capacity_kwh = 200

                """)
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario], in: folder)
            expectCleanFailure(result)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            func line(naming keyPath: String) -> String? { lines.first { $0.contains("\(scenario): \(keyPath)") } }
            let unknown = try #require(line(naming: "scenario.colour"), "unknown key not reported\n\(result)")
            #expect(unknown.contains("unknown"))
            let period = try #require(line(naming: "kernel.period_s"), "bad value not reported\n\(result)")
            #expect(period.contains("-1"), "the message quotes the value found")
            let point = try #require(line(naming: "batteries[0].interface_point"), "unknown interface point not reported\n\(result)")
            #expect(point.contains("SUB-NOWHERE"))
            #expect(point.contains("SUB-A"), "the message lists the interface points there are")
        }
    }

    @Test func badSignalValueNamesTheFileAndLine() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let signal = try folder.write("signal.csv", "time_s,signal\n0,0.1\n2,0.2\n4,abc\n6,0.3\n")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--signal", signal], in: folder)
            expectCleanFailure(result)
            #expect(result.stderr.contains("\(signal):4"), "file and line 4 named\n\(result)")
            #expect(result.stderr.contains("abc"))
        }
    }

    @Test func missingScenarioNamesThePath() async throws {
        try await TemporaryFolder.with { folder in
            let missing = folder.file("no-such-scenario.toml")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", missing], in: folder)
            expectCleanFailure(result)
            #expect(result.stderr.contains(missing), "\(result)")
        }
    }

    @Test(arguments: ["banana", "0", "5x", "1m30", "-"])
    func badDurationIsRefusedWithAHint(_ duration: String) async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", duration], in: folder)
            expectCleanFailure(result)
            #expect(result.stderr.contains("--duration"), "\(result)")
            #expect(result.stderr.contains("'\(duration)'"), "the refused value is quoted\n\(result)")
            #expect(result.stderr.contains("90s") || result.stderr.contains("8h"), "the message shows the accepted form\n\(result)")
        }
    }

    @Test func durationShorterThanOneCycleIsRefused() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "0.05"], in: folder)
            expectCleanFailure(result)
            #expect(result.stderr.contains("duration"), "\(result)")
        }
    }

    @Test func unwritableRecordNamesThePath() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let record = folder.file("no-such-folder/out.csv")
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "10s", "--record", record],
                                            in: folder)
            expectCleanFailure(result)
            #expect(result.stderr.contains(record), "\(result)")
        }
    }
}
