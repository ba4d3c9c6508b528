public import DSOPlanning

extension ServiceConfiguration {
    /// `[planning]`, checked: the prices the plans are made against (read at start), the day-ahead resolution and
    /// how often the intraday re-planner runs.
    public struct PlanningConfiguration: Sendable {
        public var prices: PriceFile
        /// 60 (the day-ahead market's hours) or 15.
        public var intervalMinutes: Int
        /// Minutes between intraday re-plans (0: none).
        public var replanMinutes: Int
        public var settings: PlanningSettings

        public init(prices: PriceFile, intervalMinutes: Int, replanMinutes: Int, settings: PlanningSettings) {
            self.prices = prices
            self.intervalMinutes = intervalMinutes
            self.replanMinutes = replanMinutes
            self.settings = settings
        }
    }
}
