public import DSOScenario

extension ServiceConfiguration {
    /// `[forecast]`: forecasts per interface point and DR programme inside `dsod run` (docs/configuration.md).
    /// Values are as written; the forecast layer checks the names it owns (forecaster, time zone, weather file)
    /// when the service is assembled, naming the key.
    public struct ForecastSettings: Sendable, Hashable {
        public var forecaster = "ensemble"
        public var timeZone = "America/Los_Angeles"
        /// The day-ahead deadline, local.
        public var dayAheadIssueHour = 10
        public var dayAheadIssueMinute = 0
        public var intradayHours = 6
        public var refreshMinutes = 15
        public var historyDays = 56
        public var holdoutDays = 14
        /// The site for PV's clear sky (needed when a PV resource is configured).
        public var latitudeDegrees: Double?
        public var longitudeDegrees: Double?
        public var altitudeMetres = 0.0
        /// A CSV of weather forecasts (absolute), its time column, the columns used and the zone of naive times.
        public var weatherPath: String?
        public var weatherTimeColumn: String?
        public var weatherColumns: [String] = []
        public var weatherTimeZone = "UTC"
        /// DR programmes by resource id.
        public var programmes: [Programme] = []

        public init() {}
    }

    /// `[[forecast.programmes]]`: how much of a DR resource's baseline may be called, and when.
    public struct Programme: Sendable, Hashable {
        public var resource: String
        public var curtailableShare: Double
        public var maximumCurtailmentKW: Double?
        public var windows: [AvailabilityWindow]

        public init(resource: String, curtailableShare: Double, maximumCurtailmentKW: Double?, windows: [AvailabilityWindow]) {
            self.resource = resource
            self.curtailableShare = curtailableShare
            self.maximumCurtailmentKW = maximumCurtailmentKW
            self.windows = windows
        }
    }
}
