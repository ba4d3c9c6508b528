/// Keeps a connection storm from flooding the log: at most `linesPerSecond` lines pass in each one-second
/// window, the rest are counted and summarised in one line when the window closes. Link thread only.
final class ISOLogRateLimiter {
    private let linesPerSecond: Int
    private let write: @Sendable (String) -> Void
    private var windowStartSeconds = -Double.infinity
    private var passed = 0
    private var suppressed = 0

    init(linesPerSecond: Int, write: @escaping @Sendable (String) -> Void) {
        self.linesPerSecond = linesPerSecond
        self.write = write
    }

    /// Writes `line` unless this window's quota is used up; the text is only built when it is written.
    /// `always` lines (about the ISO's writers, who are few and trusted) pass and use no quota: a storm of
    /// readers must not hide the ISO's own connection.
    func line(_ line: @autoclosure () -> String, atSeconds now: Double, always: Bool = false) {
        tick(atSeconds: now)
        if always {
            write(line())
            return
        }
        guard passed < linesPerSecond else {
            suppressed += 1
            return
        }
        passed += 1
        write(line())
    }

    /// Closes the window once a second has passed, writing how many lines it suppressed.
    func tick(atSeconds now: Double) {
        guard now - windowStartSeconds >= 1 else { return }
        if suppressed > 0 {
            write("iso-link: \(suppressed) more connection log lines suppressed (at most \(linesPerSecond) a second)")
        }
        windowStartSeconds = now
        passed = 0
        suppressed = 0
    }
}
