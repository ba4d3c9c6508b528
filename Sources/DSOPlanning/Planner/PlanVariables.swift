import DSOOptimization

/// Where each decision of a day-ahead plan lives in its linear model: per interval, by resource.
struct PlanVariables {
    typealias Variable = LinearModel.Variable
    typealias Constraint = LinearModel.Constraint

    struct Battery {
        var charge: [Variable] = [], discharge: [Variable] = [], energy: [Variable] = []
        var regulationUp: [Variable] = [], regulationDown: [Variable] = []
        /// Empty when spinning is not offered (no column at all).
        var spinning: [Variable] = []
        var belowBand: [Variable] = [], aboveBand: [Variable] = []
        var terminalShort: Variable?
        /// The SOC balance rows: their duals are the value of stored energy, what the bids are priced from.
        var balance: [Constraint] = []

        /// The spinning term of a row, none when spinning is not offered.
        func spinningTerm(_ t: Int, _ coefficient: Double) -> [(Variable, Double)] {
            spinning.isEmpty ? [] : [(spinning[t], coefficient)]
        }

        func spinningKW(_ t: Int, _ solution: LinearSolution) -> Double { spinning.isEmpty ? 0 : solution[spinning[t]] }
    }

    struct DemandResponse {
        var curtail: [Variable] = []
        /// nil where the programme has nothing to shed (not called, no binary).
        var called: [Variable?] = []
        var starts: [Variable] = []
    }

    var netImport: [[Variable]] = []
    /// Each point's balance rows: their duals are the marginal value of energy there.
    var balance: [[Constraint]] = []
    var overImport: [[Variable]] = []
    var overExport: [[Variable]] = []
    /// Regulation award not held (kW, both ways), per point with an award and interval.
    var awardShort: [Variable] = []
    var batteries: [Battery] = []
    var pv: [[Variable]] = []
    var demandResponse: [DemandResponse] = []
}
