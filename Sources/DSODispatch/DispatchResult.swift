/// The outcome of one dispatch solve: what the kernel logs and what the settlement side prices with.
public struct DispatchResult: Sendable, Hashable {
    /// Whether the target was met, missed, or the input was rejected.
    public var status: DispatchStatus
    /// The clearing incremental cost λ ($/kWh): every resource strictly inside its limits runs at this cost.
    /// When short of target it is the highest incremental cost at the upper limits, when in excess the
    /// lowest at the lower limits; NaN when the input was rejected.
    public var marginalCostPerKWh: Double
    /// Sum of the dispatched set-points (kW); equals the target up to rounding when optimal.
    public var dispatchedKW: Double
    /// Σ (a·p + ½·b·p²) over the dispatch, in $/h (cost coefficients are $/kWh and $/kWh per kW).
    public var totalCostPerHour: Double
    /// Target minus dispatched (kW): positive when short of target, negative when in excess.
    public var shortfallKW: Double

    /// Creates a result; the solver is the usual source.
    public init(
        status: DispatchStatus,
        marginalCostPerKWh: Double,
        dispatchedKW: Double,
        totalCostPerHour: Double,
        shortfallKW: Double
    ) {
        self.status = status
        self.marginalCostPerKWh = marginalCostPerKWh
        self.dispatchedKW = dispatchedKW
        self.totalCostPerHour = totalCostPerHour
        self.shortfallKW = shortfallKW
    }
}
