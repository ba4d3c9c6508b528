/// A normalised regulation (AGC) signal, −1…1, as the ISO sends it: samples held until the next one arrives.
///
/// +1 asks for full regulation-up (raise output, discharge), −1 for full regulation-down;
/// multiply by the awarded capacity for MW. Samples may be non-uniform; `samplePeriodSeconds`
/// reports the typical spacing (PJM sends every 2 s, CAISO every 4 s).
public struct RegulationSignal: Sendable, Hashable {
    /// Sample times in seconds, strictly increasing.
    public let timesSeconds: [Double]
    /// Normalised values, each within −1…1.
    public let values: [Double]

    /// A signal from explicit sample times; at least two samples, times strictly increasing,
    /// values finite and within −1…1.
    public init(timesSeconds: [Double], values: [Double]) throws(RegulationSignalError) {
        guard timesSeconds.count == values.count else {
            throw .lengthMismatch(times: timesSeconds.count, values: values.count)
        }
        guard values.count >= 2 else { throw .tooFewSamples(count: values.count) }
        for index in values.indices {
            guard timesSeconds[index].isFinite else { throw .timeNotFinite(index: index) }
            if index > 0, timesSeconds[index] <= timesSeconds[index - 1] {
                throw .timeNotIncreasing(index: index, timeSeconds: timesSeconds[index], previousSeconds: timesSeconds[index - 1])
            }
            guard values[index].isFinite, abs(values[index]) <= 1 else {
                throw .valueOutOfRange(index: index, value: values[index])
            }
        }
        self.timesSeconds = timesSeconds
        self.values = values
    }

    /// A uniformly sampled signal starting at `startSeconds`.
    public init(samplePeriodSeconds: Double, values: [Double], startSeconds: Double = 0) throws(RegulationSignalError) {
        guard samplePeriodSeconds > 0, samplePeriodSeconds.isFinite else { throw .invalidSamplePeriod(seconds: samplePeriodSeconds) }
        try self.init(
            timesSeconds: values.indices.map { startSeconds + Double($0) * samplePeriodSeconds },
            values: values
        )
    }

    /// Time of the first sample.
    public var startSeconds: Double { timesSeconds[0] }
    /// Time of the last sample.
    public var endSeconds: Double { timesSeconds[timesSeconds.count - 1] }
    /// Span from the first to the last sample (an 8-h file with both end points spans 28 800 s).
    public var durationSeconds: Double { endSeconds - startSeconds }

    /// The median spacing between samples: the period the signal was sent at.
    public var samplePeriodSeconds: Double {
        var steps = zip(timesSeconds.dropFirst(), timesSeconds).map { $0 - $1 }
        steps.sort()
        return steps[steps.count / 2]
    }

    /// True when every spacing equals the sample period (within 1 ms).
    public var isUniformlySampled: Bool {
        let period = samplePeriodSeconds
        return zip(timesSeconds.dropFirst(), timesSeconds).allSatisfy { abs(($0 - $1) - period) <= 1e-3 }
    }

    /// Zero-order hold: the last sample at or before `timeSeconds`; before the first sample, the first value.
    ///
    /// Binary search, O(log n). For a time that only moves forward use `cursor()`, which is O(1).
    public func value(atSeconds timeSeconds: Double) -> Double {
        values[sampleIndex(atSeconds: timeSeconds)]
    }

    /// A cheap forward reader for simulators that query every cycle.
    public func cursor() -> RegulationSignalCursor {
        RegulationSignalCursor(signal: self)
    }

    /// Index of the sample held at `timeSeconds` (0 before the first sample).
    func sampleIndex(atSeconds timeSeconds: Double) -> Int {
        var low = 0
        var high = timesSeconds.count - 1
        guard timeSeconds >= timesSeconds[0] else { return 0 }
        while low < high {
            let middle = (low + high + 1) / 2
            if timesSeconds[middle] <= timeSeconds { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
