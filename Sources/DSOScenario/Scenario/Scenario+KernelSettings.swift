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

extension Scenario.KernelSettings {
    /// Reads a `[kernel]` section. Scenarios and the service configuration share it, so both accept the
    /// same keys with the same limits; absent keys keep `defaults`.
    package static func read(_ section: TableReader, defaults: Self = Self()) -> Self {
        var kernel = defaults
        kernel.periodSeconds = section.double("period_s", default: defaults.periodSeconds, .within(0.01...10))
        kernel.staleAfterSeconds = section.double("stale_after_s", default: defaults.staleAfterSeconds, .positive)
        kernel.setpointTTLSeconds = section.double("setpoint_ttl_s", default: defaults.setpointTTLSeconds, .positive)
        if kernel.staleAfterSeconds < kernel.periodSeconds {
            section.report("stale_after_s", found: "\(kernel.staleAfterSeconds)",
                           expected: "at least the kernel period (\(kernel.periodSeconds) s)")
        }
        if kernel.setpointTTLSeconds < kernel.periodSeconds {
            section.report("setpoint_ttl_s", found: "\(kernel.setpointTTLSeconds)",
                           expected: "at least the kernel period (\(kernel.periodSeconds) s)")
        }
        section.finish()
        return kernel
    }
}
