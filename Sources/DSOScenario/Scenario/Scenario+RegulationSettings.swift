extension Scenario {
    /// The regulation award the DSO must follow and where its signal comes from (`[regulation]`).
    public struct RegulationSettings: Sendable, Hashable {
        /// Awarded regulation capacity, MW (0: no regulation).
        public var awardMW: Double
        /// Where the regulation signal comes from.
        public var signal: SignalSource
        /// Period between signal updates, seconds (2 or 4).
        public var signalPeriodSeconds: Double

        public init(awardMW: Double = 0, signal: SignalSource = .generated(kind: .regD, seed: 0),
                    signalPeriodSeconds: Double = 2) {
            self.awardMW = awardMW
            self.signal = signal
            self.signalPeriodSeconds = signalPeriodSeconds
        }
    }

    /// Where the runner gets the regulation signal: a synthetic generator or a recorded CSV (Signals API loads it).
    public enum SignalSource: Sendable, Hashable {
        /// Generate a synthetic signal of this kind from a seed.
        case generated(kind: RegulationSignalKind, seed: UInt64)
        /// Read the signal from this CSV (absolute path, already resolved against the scenario folder).
        case csv(path: String)
    }
}
