extension Scenario {
    /// How the control kernel is clocked and how long it trusts telemetry and set points (`[kernel]`).
    public struct KernelSettings: Sendable, Hashable {
        /// Control cycle period, seconds (0.01…10).
        public var periodSeconds: Double
        /// Telemetry older than this is treated as stale, seconds.
        public var staleAfterSeconds: Double
        /// A set point not refreshed within this time lapses at the device, seconds.
        public var setpointTTLSeconds: Double

        public init(periodSeconds: Double = 0.1, staleAfterSeconds: Double = 2, setpointTTLSeconds: Double = 5) {
            self.periodSeconds = periodSeconds
            self.staleAfterSeconds = staleAfterSeconds
            self.setpointTTLSeconds = setpointTTLSeconds
        }
    }
}
