/// The forecasters by the names the command line and the configuration use, built for a kind of series.
public enum ForecasterCatalog {
    /// Every name, baselines first.
    public static func names(kind: ForecastContext.Kind) -> [String] {
        kind == .pv ? ["persistence", "clear-sky-persistence"] + learnedNames
                    : ["persistence", "seasonal-naive", "similar-day"] + learnedNames
    }

    /// The learned forecasters (added by `learned(_:kind:)`).
    public static let learnedNames = ["ridge", "xgboost", "ensemble"]

    /// The forecasters named, in order; an unknown name is an error listing the known ones.
    public static func make(_ names: [String], kind: ForecastContext.Kind) throws(ForecastError) -> [any Forecaster] {
        var forecasters: [any Forecaster] = []
        for name in names {
            switch name {
            case "persistence": forecasters.append(PersistenceForecaster())
            case "seasonal-naive": forecasters.append(SeasonalNaiveForecaster())
            case "similar-day": forecasters.append(SimilarDayForecaster())
            case "clear-sky-persistence": forecasters.append(ClearSkyPersistenceForecaster())
            default:
                guard let learned = learned(name, kind: kind) else {
                    throw ForecastError("forecaster '\(name)': expected one of \(Self.names(kind: kind).joined(separator: ", "))")
                }
                forecasters.append(learned)
            }
        }
        return forecasters
    }
}
