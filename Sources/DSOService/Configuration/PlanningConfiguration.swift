public import DSOPlanning

extension ServiceConfiguration {
    /// `[planning]`, checked: the prices the plans are made against (read at start), the day-ahead resolution and
    /// how often the intraday re-planner runs.
    public struct PlanningConfiguration: Sendable {
        public var prices: PriceFile
        /// 60 (the day-ahead market's hours) or 15.
        public var intervalMinutes: Int
        /// Minutes between intraday (FMM) re-plans (0: none).
        public var replanMinutes: Int
        /// Minutes between real-time (RTD) re-plans on 5-minute intervals (0: none).
        public var rtdMinutes = 0
        /// DR participants are told this long before a call: intraday plans call no interval sooner.
        public var drNotificationMinutes = 30.0
        public var settings: PlanningSettings

        public init(prices: PriceFile, intervalMinutes: Int, replanMinutes: Int, settings: PlanningSettings) {
            self.prices = prices
            self.intervalMinutes = intervalMinutes
            self.replanMinutes = replanMinutes
            self.settings = settings
        }
    }
}
