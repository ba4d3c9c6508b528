/// Reads a regulation signal at increasing times in O(1) and without allocating, for the 100-ms simulation cycle.
///
/// It remembers the last sample index and steps forward from it; a query earlier than the
/// previous one falls back to binary search, so any order is correct, forward order is fast.
public struct RegulationSignalCursor: Sendable {
    /// The signal being read (shared storage: copying the cursor does not copy samples).
    public let signal: RegulationSignal
    private var index = 0

    /// A cursor positioned at the first sample.
    public init(signal: RegulationSignal) {
        self.signal = signal
    }

    /// Zero-order-hold value at `timeSeconds`, same result as `RegulationSignal.value(atSeconds:)`.
    public mutating func value(atSeconds timeSeconds: Double) -> Double {
        let times = signal.timesSeconds
        if timeSeconds < times[index] {
            index = signal.sampleIndex(atSeconds: timeSeconds)
        } else {
            while index + 1 < times.count, times[index + 1] <= timeSeconds { index += 1 }
        }
        return signal.values[index]
    }
}
