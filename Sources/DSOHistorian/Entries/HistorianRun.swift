/// One start of the service, as the historian keeps it.
public struct HistorianRun: Sendable, Hashable, Codable {
    /// The UTC instant the configured schedule files count their `start_s` from, and a digest of those
    /// schedules: a restart with the same schedules keeps the anchor, so the day is not shifted.
    public struct ScheduleAnchor: Sendable, Hashable, Codable {
        public var unixSeconds: Double
        public var digest: String
        public init(unixSeconds: Double, digest: String) {
            self.unixSeconds = unixSeconds
            self.digest = digest
        }
    }

    public var id: Int64
    public var startedWallSeconds: Double
    /// UTC of the run's kernel time 0 (nil until the clock started).
    public var kernelEpochUnixSeconds: Double?
    public var scheduleAnchor: ScheduleAnchor?
    /// Nil when the run did not stop cleanly (crash, `kill -9`, power loss) or is the one running.
    public var stoppedWallSeconds: Double?
    public var stopReason: String?
}
