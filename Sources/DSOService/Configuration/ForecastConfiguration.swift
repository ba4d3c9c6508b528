public import DSOForecast

extension ServiceConfiguration {
    /// `[forecast]`, checked: the forecast layer's settings and the targets of this grid (each interface point's
    /// load and PV, each DR resource's programme), ready for `dsod run` and `dsod forecast run`.
    public struct ForecastConfiguration: Sendable {
        public var settings: ForecastSettings
        public var targets: [ForecastTarget]

        public init(settings: ForecastSettings, targets: [ForecastTarget]) {
            self.settings = settings
            self.targets = targets
        }
    }
}
