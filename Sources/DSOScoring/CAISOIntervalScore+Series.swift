extension CAISOIntervalScore {
    /// Scores recorded set points and responses per 15-minute interval (multiples of 900 s).
    ///
    /// The samples are used as given (no resampling): pass 4-s set points for CAISO-like
    /// scoring. Intervals with no valid sample are omitted; partial intervals are included.
    /// - Precondition: equal lengths and a positive period.
    public static func intervalScores(
        setPointMW: [Double],
        responseMW: [Double],
        samplePeriodSeconds: Double,
        startSeconds: Double = 0
    ) -> [CAISOIntervalScore] {
        precondition(setPointMW.count == responseMW.count, "set point and response must have the same length")
        precondition(samplePeriodSeconds > 0, "sample period must be positive")
        var accumulator = CAISOIntervalAccumulator()
        for index in setPointMW.indices {
            accumulator.record(
                timeSeconds: startSeconds + Double(index) * samplePeriodSeconds,
                setPointMW: setPointMW[index],
                responseMW: responseMW[index]
            )
        }
        return accumulator.allIntervals
    }
}
