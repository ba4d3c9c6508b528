import Foundation
import OpenDSOTestSupport
import Testing

/// `dsod simulate --realtime`: cycles paced by the real cycle timer.
@Suite struct RealtimeTests {
    @Test func threeSecondsOnTheCycleTimer() async throws {
        try await TemporaryFolder.with { folder in
            let scenario = try ScenarioFiles.writeTwoPointScenario(in: folder)
            let result = try await BuiltExecutable.dsod.run(["simulate", "--scenario", scenario, "--duration", "3s", "--realtime"],
                                            in: folder, timeoutSeconds: 60)
            #expect(result.status == 0 && result.exited, "\(result)")
            let report = SummaryReport(result.stdout)
            #expect(report.cycles == 30, "\(result.stdout)")
            #expect(report.periodMilliseconds == 100)
            // Paced by the clock: about 3 s of wall time, both as reported and as measured from outside.
            let wall = try #require(report.wallSeconds, "\(result.stdout)")
            #expect((2.7...6).contains(wall), "report says \(wall) s wall for 3 s on the real clock")
            #expect(result.wallSeconds >= 2.7, "dsod returned after \(result.wallSeconds) s")
            // Timer statistics: roughly 30 ticks, ordered percentiles.
            let timer = try #require(report.timer, "no timer statistics in\n\(result.stdout)")
            #expect((25...31).contains(timer.cycles), "timer ran \(timer.cycles) cycles")
            #expect(timer.p50Microseconds <= timer.p99Microseconds)
            #expect(timer.p99Microseconds <= timer.maxMicroseconds)
            #expect(timer.p50Microseconds < 100_000, "the typical tick is late by less than a period")
            // Loose bounds: the machine is shared, but a paced run is not a string of misses.
            #expect(timer.maxMicroseconds < 1_000_000)
            #expect(timer.deadlineMisses <= 5)
            #expect(try #require(report.overruns) <= 5)
            #expect(report.digest != nil)
        }
    }
}
