/// The settings of a gradient-boosted tree fit, with defaults for hourly load and generation from calendar,
/// weather and lag features over one or two years of hours (a few thousand to ~20 000 rows).
public struct GradientBoostingParameters: Sendable, Hashable {
    /// XGBoost's algorithm for finding splits.
    public enum TreeMethod: String, Sendable, Hashable {
        /// Histogram of ≤ `maxBins` bins per feature: fast and as good as exact at these sizes.
        case hist
        /// Every distinct value: slow on long histories, kept for checks.
        case exact
        case approx
    }

    /// Boosting rounds (trees). 400 at eta 0.05 reaches a plateau on a year of hourly load without the
    /// slow over-fit of more rounds; with `earlyStopping` it is the upper bound.
    public var rounds = 400
    /// Depth of each tree. 6 levels hold hour × weekday × temperature interactions (cooling load at 17:00
    /// on a weekday) without memorising single days.
    public var maxDepth = 6
    /// Shrinkage per round (XGBoost's eta): small with many rounds generalises better than the reverse.
    public var learningRate = 0.05
    /// Share of rows drawn for each tree: 0.8 decorrelates the trees, which matters with hourly rows that
    /// are strongly autocorrelated.
    public var subsample = 0.8
    /// Share of columns drawn for each tree. 1 (all): a tree sees ⌊share × columns⌋ of them, so with the
    /// handful of features an hourly model has, 0.8 of 2–4 columns drops whole interactions (hour × temperature)
    /// from most trees; lower it only for wide feature sets where one dominant lag crowds out the rest.
    public var columnSampleByTree = 1.0
    /// Minimum hessian (with squared error: rows) in a leaf. 5 stops leaves fitting a single holiday hour.
    public var minChildWeight = 5.0
    /// L2 penalty on leaf weights (XGBoost's lambda), XGBoost's default.
    public var leafL2Penalty = 1.0
    /// Threads XGBoost may use. 1 by default: the fit is then reproducible bit for bit, and the forecast
    /// runs beside the control kernel on a small machine.
    public var threadCount = 1
    /// Seed of the row and column sampling: the same seed and data give the same model.
    public var seed = 0
    public var treeMethod = TreeMethod.hist
    /// Histogram bins per feature for `hist` (XGBoost's max_bin).
    public var maxBins = 256
    /// Stop adding trees when the latest rows stop improving; nil trains all `rounds`.
    public var earlyStopping: EarlyStopping?

    public init() {}

    /// Parameters as XGBoosterSetParam takes them, in a fixed order.
    var xgboostSettings: [(name: String, value: String)] {
        [
            ("objective", "reg:squarederror"),
            ("max_depth", "\(maxDepth)"),
            ("eta", "\(learningRate)"),
            ("subsample", "\(subsample)"),
            ("colsample_bytree", "\(columnSampleByTree)"),
            ("min_child_weight", "\(minChildWeight)"),
            ("lambda", "\(leafL2Penalty)"),
            ("nthread", "\(threadCount)"),
            ("seed", "\(seed)"),
            ("tree_method", treeMethod.rawValue),
            ("max_bin", "\(maxBins)"),
            ("eval_metric", "rmse"),
            ("verbosity", "1"),
        ]
    }

    /// Throws naming the first parameter out of range (XGBoost would reject some only at the first round).
    func validate() throws(ForecastError) {
        func check(_ ok: Bool, _ message: String) throws(ForecastError) {
            if !ok { throw ForecastError("xgboost: \(message)") }
        }
        try check(rounds >= 1, "rounds \(rounds) is not ≥ 1")
        try check(maxDepth >= 1, "maxDepth \(maxDepth) is not ≥ 1")
        try check(learningRate > 0 && learningRate <= 1, "learningRate \(learningRate) is not in (0, 1]")
        try check(subsample > 0 && subsample <= 1, "subsample \(subsample) is not in (0, 1]")
        try check(
            columnSampleByTree > 0 && columnSampleByTree <= 1,
            "columnSampleByTree \(columnSampleByTree) is not in (0, 1]")
        try check(minChildWeight >= 0 && minChildWeight.isFinite, "minChildWeight \(minChildWeight) is not ≥ 0")
        try check(leafL2Penalty >= 0 && leafL2Penalty.isFinite, "leafL2Penalty \(leafL2Penalty) is not ≥ 0")
        try check(threadCount >= 1, "threadCount \(threadCount) is not ≥ 1")
        try check(maxBins >= 2, "maxBins \(maxBins) is not ≥ 2")
        if let earlyStopping {
            try check(
                earlyStopping.patienceRounds >= 1, "earlyStopping.patienceRounds \(earlyStopping.patienceRounds) is not ≥ 1")
        }
    }
}

/// Early stopping on the latest rows: choose the number of trees where the validation RMSE was lowest, then
/// train that many on all rows, since the latest hours are the ones a forecast most needs to have seen.
public struct EarlyStopping: Sendable, Hashable {
    /// Share of the usable rows, the latest in time, held out to score each round.
    public var validationFraction: Double
    /// Rounds without a new best validation RMSE after which training stops.
    public var patienceRounds: Int

    public init(validationFraction: Double = 0.2, patienceRounds: Int = 50) {
        self.validationFraction = validationFraction
        self.patienceRounds = patienceRounds
    }
}
