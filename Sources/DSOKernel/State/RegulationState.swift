/// What the kernel knows about regulation between cycles: the latest signal, the award and the tracker.
public struct RegulationState: Sendable, Hashable {
    /// Latest accepted normalised signal, −1…1.
    public var signal: Double = 0
    /// The signal before the latest one, and when each arrived: the slope drives feed-forward.
    public var previousSignal: Double = 0
    public var signalReceivedSeconds: Double = -.infinity
    public var previousSignalReceivedSeconds: Double = -.infinity
    public var lastSequence: UInt64 = 0
    public var hasSequence = false
    /// Awarded regulation capacity, kW.
    public var awardKW: Double = 0
    /// Operator switch; off ramps regulation to zero.
    public var enabled = true
    /// Scale 0…1 applied to the target; ramps to 0 on a stale signal or when disabled, back to 1 after.
    public var availabilityScale: Double = 1
    /// The target this cycle: signal × award × scale, kW.
    public var targetKW: Double = 0
    /// The command after feed-forward and correction, before allocation, kW.
    public var commandKW: Double = 0
    /// Measured fleet response: Σ over regulating resources of (measured − base point), kW.
    public var responseKW: Double = 0
    /// Modelled response of the regulating fleet from its commands, delays and lags, kW.
    public var modelledResponseKW: Double = 0
    /// Integral correction for mismatch between model and measurement, kW.
    public var mismatchIntegralKW: Double = 0
    /// Available regulation up and down across controllable regulating resources, kW.
    public var availableUpKW: Double = 0
    public var availableDownKW: Double = 0
    /// Aggregate state of charge of the regulating batteries (energy-weighted), 0…1.
    public var aggregateSOC: Double = .nan
    /// Messages refused (bad value, sequence going backwards).
    public var refusedMessages: Int = 0
    /// Whether the signal is stale now.
    public var signalStale = true

    public init() {}
}
