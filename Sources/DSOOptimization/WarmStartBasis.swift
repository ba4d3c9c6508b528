/// A basis CLP ended an LP with: one status per row and column (free, basic, at upper, at lower, superbasic,
/// fixed, as ClpSimplex numbers them). Given to the next solve of a model with the same rows and columns (only
/// bounds or costs changed — a plan with its DR calls fixed, the next re-plan's tweak), CLP's dual simplex starts
/// from it instead of from scratch: a few hundred pivots rather than a hundred thousand.
public struct WarmStartBasis: Sendable, Hashable {
    let statuses: [UInt8]
    let rows: Int
    let columns: Int
}
