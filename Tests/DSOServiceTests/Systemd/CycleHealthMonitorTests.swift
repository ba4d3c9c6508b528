import DSORuntime
import DSOService
import Testing

/// The watchdog is fed only for windows in which the cycles kept their deadlines.
@Suite struct CycleHealthMonitorTests {
    func statistics(cycles: Int, overruns: Int = 0, late: Int = 0) -> CycleStatistics {
        CycleStatistics(cycles: cycles, overruns: overruns, deadlineMisses: late,
                        lateness: LatenessHistogram(bucketCounts: [], maxNanoseconds: 0))
    }

    @Test func verdicts() {
        var monitor = CycleHealthMonitor(periodSeconds: 0.1)
        #expect(!monitor.assess(statistics(cycles: 0), atNanoseconds: 1_000_000_000).keepsDeadlines, "nothing ran yet")
        #expect(monitor.assess(statistics(cycles: 5), atNanoseconds: 1_500_000_000).keepsDeadlines)
        // One second later: 10 grid points expected.
        #expect(monitor.assess(statistics(cycles: 15), atNanoseconds: 2_500_000_000).keepsDeadlines)
        #expect(monitor.assess(statistics(cycles: 25, overruns: 1, late: 1), atNanoseconds: 3_500_000_000).keepsDeadlines,
                "two misses in ten are tolerated")
        let late = monitor.assess(statistics(cycles: 33, overruns: 4, late: 2), atNanoseconds: 4_500_000_000)
        #expect(!late.keepsDeadlines && late.reason.contains("overran or finished late"), "\(late)")
        let stalled = monitor.assess(statistics(cycles: 33, overruns: 4, late: 2), atNanoseconds: 5_500_000_000)
        #expect(!stalled.keepsDeadlines && stalled.reason.contains("no cycle ran"), "\(stalled)")
        let slow = monitor.assess(statistics(cycles: 36, overruns: 4, late: 2), atNanoseconds: 6_500_000_000)
        #expect(!slow.keepsDeadlines && slow.reason.contains("only 3 of 10"), "\(slow)")
        #expect(monitor.assess(statistics(cycles: 46, overruns: 4, late: 2), atNanoseconds: 7_500_000_000).keepsDeadlines, "recovers")
    }
}
