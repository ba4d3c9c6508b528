extension Scenario {
    /// How long to simulate, how often to record, and where in the day the run starts (`[run]`).
    public struct RunSettings: Sendable, Hashable {
        /// Default run length, seconds.
        public var durationSeconds: Double
        /// Period of the recorded time series, seconds.
        public var recordPeriodSeconds: Double
        /// Seconds of day at simulated time 0 (where t = 0 falls in the daily profiles).
        public var startTimeOfDaySeconds: Double
        /// Master seed; fleets, noise and generated signals derive their seeds from it unless given their own.
        public var seed: UInt64

        public init(durationSeconds: Double = 3_600, recordPeriodSeconds: Double = 2,
                    startTimeOfDaySeconds: Double = 0, seed: UInt64 = 0) {
            self.durationSeconds = durationSeconds
            self.recordPeriodSeconds = recordPeriodSeconds
            self.startTimeOfDaySeconds = startTimeOfDaySeconds
            self.seed = seed
        }
    }
}
