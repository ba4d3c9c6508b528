public import DSOOptimization

/// How the planner values what is not priced by the market: the energy regulation moves, the penalties that
/// relax a plan rather than fail it, and the solver's limits.
public struct PlanningSettings: Sendable {
    /// A regulation award must be sustainable this long at full deflection (CAISO's regulation energy
    /// management: 15 minutes of energy for each MW), minutes.
    public var regulationSustainMinutes = 15.0
    /// Expected net energy a regulation award moves per hour, as a fraction of the award: discharge for
    /// regulation up, charge for regulation down (a signal that asks net charging has a down fraction above
    /// the up one); the SOC plan carries it.
    public var regulationUpEnergyFraction = 0.1
    public var regulationDownEnergyFraction = 0.1
    /// Round-trip losses of following regulation, a fraction of the award's mileage energy per hour.
    public var regulationLossFraction = 0.02
    /// Offer spinning reserve from batteries when its price is positive (30 minutes of energy per MW).
    public var offerSpinning = true
    /// $/kWh of SOC outside the band, $/kWh short of the terminal SOC, $/kWh beyond an interface limit:
    /// high enough that the plan breaks them only when nothing else is feasible.
    public var socBandPenaltyPerKWh = 5.0
    public var terminalPenaltyPerKWh = 2.0
    public var limitPenaltyPerKWh = 10.0
    /// MILP (DR event limits): stop after this long or within this relative gap.
    public var timeLimitSeconds = 20.0
    public var relativeGap = 1e-4
    /// A MILP with more variables than this has its DR calls chosen from the LP relaxation's prices
    /// (`DRCallSelection`) instead of by CBC, whose branch and bound takes tens of seconds at 100,000 variables;
    /// `DayAheadPlan.relaxationGap` then says how far from the relaxation's bound the plan is.
    public var exactMILPVariableLimit = 20_000
    /// How CLP solves the LP (`DSOOptimization.SolveOptions.LPMethod`).
    public var lpMethod = SolveOptions.LPMethod.automatic

    public init() {}
}
