extension PJMPerformanceScore {
    /// Scores a whole recorded series as one window (the correlation search runs over all of it).
    ///
    /// - Parameters:
    ///   - signalMW: the regulation set point in MW, one sample per `samplePeriodSeconds`.
    ///   - responseMW: the measured response in MW, same length and timing as `signalMW`.
    ///   - samplePeriodSeconds: spacing of the samples (> 0); samples are averaged into 10-s slots.
    ///   - startSeconds: time of the first sample; 10-s slots align to multiples of 10 s.
    /// - Returns: nil when no 10-s slot holds a pair of finite values (empty input, all NaN).
    /// - Precondition: equal lengths and a positive period.
    public static func scoring(
        signalMW: [Double],
        responseMW: [Double],
        samplePeriodSeconds: Double,
        startSeconds: Double = 0
    ) -> PJMPerformanceScore? {
        accumulate(signalMW, responseMW, samplePeriodSeconds, startSeconds).finished().wholeRun
    }

    /// Scores each clock hour (multiples of 3600 s) on its own, partial first and last hours included.
    ///
    /// Delayed pairs never reach across an hour boundary, so each hour is scored as soon as it
    /// closes. Combine them with `sampleWeightedComposite()`. Same parameters as `scoring`.
    public static func hourlyScores(
        signalMW: [Double],
        responseMW: [Double],
        samplePeriodSeconds: Double,
        startSeconds: Double = 0
    ) -> [PJMHourScore] {
        accumulate(signalMW, responseMW, samplePeriodSeconds, startSeconds).finished().hours
    }

    private static func accumulate(
        _ signalMW: [Double],
        _ responseMW: [Double],
        _ samplePeriodSeconds: Double,
        _ startSeconds: Double
    ) -> PJMSeriesAccumulator {
        precondition(signalMW.count == responseMW.count, "signal and response must have the same length")
        precondition(samplePeriodSeconds > 0, "sample period must be positive")
        var accumulator = PJMSeriesAccumulator()
        for index in signalMW.indices {
            accumulator.record(
                timeSeconds: startSeconds + Double(index) * samplePeriodSeconds,
                signalMW: signalMW[index],
                responseMW: responseMW[index]
            )
        }
        return accumulator
    }
}
