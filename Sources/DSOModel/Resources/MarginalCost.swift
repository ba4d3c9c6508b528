/// A resource's offer curve as an incremental cost `a + b·p` ($/kWh at output p kW), so dispatch can be exact.
public struct MarginalCost: Sendable, Hashable, Codable {
    /// Incremental cost at zero output, $/kWh.
    public var linearPerKWh: Double
    /// Slope of the incremental cost, $/kWh per kW (0 for a flat offer).
    public var quadraticPerKWhPerKW: Double

    public init(linearPerKWh: Double, quadraticPerKWhPerKW: Double = 0) {
        self.linearPerKWh = linearPerKWh
        self.quadraticPerKWhPerKW = quadraticPerKWhPerKW
    }

    /// Incremental cost at output `kw`.
    public func incremental(atKW kw: Double) -> Double { linearPerKWh + quadraticPerKWhPerKW * kw }

    /// Cost rate of running at `kw` for an hour, $ (the integral of the incremental cost from 0).
    public func hourlyCost(atKW kw: Double) -> Double {
        linearPerKWh * kw + 0.5 * quadraticPerKWhPerKW * kw * kw
    }
}
