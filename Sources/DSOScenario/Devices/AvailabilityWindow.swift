/// Hours of the day in which a demand-response programme may be called (may wrap midnight, e.g. 22…6).
public struct AvailabilityWindow: Sendable, Hashable {
    /// First hour of the window (inclusive), 0…24.
    public var startHour: Double
    /// End hour of the window (exclusive), 0…24; smaller than `startHour` when the window wraps midnight.
    public var endHour: Double

    public init(startHour: Double, endHour: Double) {
        self.startHour = startHour
        self.endHour = endHour
    }

    /// Whether the window is open at `secondsOfDay` (0 ..< 86 400).
    @inline(__always)
    public func contains(secondsOfDay: Double) -> Bool {
        let hour = secondsOfDay / 3_600
        return startHour <= endHour
            ? hour >= startHour && hour < endHour
            : hour >= startHour || hour < endHour
    }
}
