extension ForecasterCatalog {
    /// A learned forecaster by name (nil: not one): ridge with its penalty chosen on the latest training rows,
    /// over one-hot calendar columns; XGBoost trees over the same features with hour and weekday as numbers.
    static func learned(_ name: String, kind: ForecastContext.Kind) -> (any Forecaster)? {
        // PV models learn the clear-sky index (the target relative to the hour's clear sky); the sun's geometry
        // then comes from the physics, not from the fit.
        let scale = kind == .pv ? "clear_sky" : nil
        switch name {
        case "ridge":
            return RegressionForecaster(model: SearchedRidgeRegression(), features: ForecastFeatures(oneHotCalendar: true),
                                        scaleColumn: scale)
        case "xgboost":
            return RegressionForecaster(model: GradientBoostedTrees(parameters: treeParameters),
                                        features: ForecastFeatures(oneHotCalendar: false), scaleColumn: scale)
        case "ensemble":
            guard let ridge = learned("ridge", kind: kind), let trees = learned("xgboost", kind: kind) else { return nil }
            return EnsembleForecaster(members: [ridge, trees])
        default:
            return nil
        }
    }

    /// The trees the forecasts and the benchmark's Python cross-check use (Bench/forecast-targets.sh).
    public static var treeParameters: GradientBoostingParameters {
        var parameters = GradientBoostingParameters()
        parameters.threadCount = 2
        return parameters
    }
}

/// Ridge regression whose penalty is searched on each fit (`RidgePenaltySearch`): the right λ depends on how
/// many days of history the rolling backtest or the service has.
public struct SearchedRidgeRegression: Regressor {
    public var search = RidgePenaltySearch()
    private var fitted: RidgeRegression?

    public init() {}

    public var name: String { "ridge" }

    public mutating func fit(_ features: FeatureMatrix, targets: [Double]) throws(ForecastError) {
        fitted = try search.fitted(features, targets: targets)
    }

    public func predict(_ features: FeatureMatrix) throws(ForecastError) -> [Double] {
        guard let fitted else { throw ForecastError("ridge: predict before fit") }
        return try fitted.predict(features)
    }
}
