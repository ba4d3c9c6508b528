@testable import DSOISOLink
import OpenDSOTestSupport
import Testing

/// At most N connection lines a second, the rest summarised once the second is over.
struct ISOLogRateLimiterTests {
    @Test func linesBeyondTheQuotaAreCountedAndSummarised() {
        let lines = LogLines()
        let limiter = ISOLogRateLimiter(linesPerSecond: 3, write: { lines.append($0) })
        for index in 0..<10 { limiter.line("line \(index)", atSeconds: 100 + Double(index) * 0.01) }
        limiter.line("writer line", atSeconds: 100.2, always: true)
        #expect(lines.all == ["line 0", "line 1", "line 2", "writer line"])
        limiter.tick(atSeconds: 100.5)
        #expect(lines.all.count == 4, "the window is still open")
        limiter.tick(atSeconds: 101.01)
        #expect(lines.all.last == "iso-link: 7 more connection log lines suppressed (at most 3 a second)")
        limiter.line("line 10", atSeconds: 101.2)
        #expect(lines.all.last == "line 10")
        limiter.tick(atSeconds: 103)
        #expect(lines.all.count == 6, "nothing suppressed, no summary")
    }
}
