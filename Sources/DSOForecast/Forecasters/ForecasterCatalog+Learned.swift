extension ForecasterCatalog {
    /// A learned forecaster by name (nil: not one).
    static func learned(_ name: String, kind: ForecastContext.Kind) -> (any Forecaster)? {
        nil
    }
}
