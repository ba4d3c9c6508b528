/// The prices a plan is made against, one value per interval of its horizon: day-ahead (or forecast) LMP and
/// the ancillary-service capacity prices the fleet can earn. $/MWh and $/MW per hour, as CAISO publishes them.
public struct MarketPrices: Sendable, Hashable {
    public var energyPerMWh: [Double]
    public var regulationUpPerMWh: [Double]
    public var regulationDownPerMWh: [Double]
    /// Spinning reserve; zero where the fleet does not qualify.
    public var spinningPerMWh: [Double]

    public init(energyPerMWh: [Double], regulationUpPerMWh: [Double]? = nil, regulationDownPerMWh: [Double]? = nil,
                spinningPerMWh: [Double]? = nil) {
        self.energyPerMWh = energyPerMWh
        self.regulationUpPerMWh = regulationUpPerMWh ?? energyPerMWh.map { _ in 0 }
        self.regulationDownPerMWh = regulationDownPerMWh ?? energyPerMWh.map { _ in 0 }
        self.spinningPerMWh = spinningPerMWh ?? energyPerMWh.map { _ in 0 }
    }

    /// Checks one finite value per interval in each series, naming the series and interval.
    public func validate(count: Int) throws(PlanningError) {
        for (name, series) in [("energy", energyPerMWh), ("regulation up", regulationUpPerMWh),
                               ("regulation down", regulationDownPerMWh), ("spinning", spinningPerMWh)] {
            guard series.count == count else {
                throw PlanningError("\(name) prices: \(series.count) values; expected one per interval (\(count))")
            }
            if let bad = series.firstIndex(where: { !$0.isFinite }) {
                throw PlanningError("\(name) prices: interval \(bad) is \(series[bad]); expected a finite $/MWh")
            }
        }
    }
}
