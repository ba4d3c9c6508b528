public import DSORuntime

/// Decides, window by window, whether the control loop keeps its deadlines, so the systemd watchdog is
/// fed only by a loop that really runs on time (a hung or chronically late kernel gets restarted).
public struct CycleHealthMonitor: Sendable {
    /// Largest share of a window's grid points that may be overrun or finish late and still count as on time.
    public static let tolerableMissFraction = 0.2

    public let periodSeconds: Double
    private var previous: CycleStatistics?
    private var previousNanoseconds: UInt64 = 0

    public init(periodSeconds: Double) { self.periodSeconds = periodSeconds }

    /// The verdict for the window since the last call.
    public struct Verdict: Sendable, Hashable {
        public var keepsDeadlines: Bool
        /// Cycles run, grid points expected, and overruns + late finishes in the window.
        public var cycles: Int
        public var expectedCycles: Int
        public var misses: Int
        /// Why the window failed, for the log (empty when it passed).
        public var reason: String
    }

    /// Compares `statistics` with the previous call's; the first call only sets the baseline (and passes
    /// if cycles have run at all).
    public mutating func assess(_ statistics: CycleStatistics, atNanoseconds now: UInt64) -> Verdict {
        defer { previous = statistics; previousNanoseconds = now }
        guard let previous, now > previousNanoseconds else {
            let ran = statistics.cycles > 0
            return Verdict(keepsDeadlines: ran, cycles: statistics.cycles, expectedCycles: 0, misses: 0,
                           reason: ran ? "" : "no cycle has run yet")
        }
        let cycles = statistics.cycles - previous.cycles
        let misses = (statistics.overruns - previous.overruns) + (statistics.deadlineMisses - previous.deadlineMisses)
        let expected = Int((Double(now - previousNanoseconds) / 1e9 / periodSeconds).rounded(.down))
        var reason = ""
        if cycles == 0 {
            reason = "no cycle ran in the last \(String(format: "%.1f", Double(now - previousNanoseconds) / 1e9)) s"
        } else if cycles * 2 < expected {
            reason = "only \(cycles) of \(expected) cycles ran"
        } else if Double(misses) > max(1, Double(expected) * Self.tolerableMissFraction) {
            reason = "\(misses) of \(expected) cycles overran or finished late"
        }
        return Verdict(keepsDeadlines: reason.isEmpty, cycles: cycles, expectedCycles: expected, misses: misses, reason: reason)
    }
}
