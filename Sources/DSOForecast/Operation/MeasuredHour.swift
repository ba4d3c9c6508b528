/// One resource's meter over one UTC hour, as the historian aggregates its telemetry: the forecasts' history.
public struct MeasuredHour: Sendable, Hashable {
    /// The resource's index in the model.
    public var resource: Int
    /// Start of the hour, seconds since 1970 UTC.
    public var hourStartUnixSeconds: Int64
    /// Mean measured power over the samples that had one, kW (generation-positive).
    public var meanMeasuredKW: Double
    /// Mean set point over the samples that had one, kW (nil: none was sent).
    public var meanSetpointKW: Double?
    /// How many samples had a measurement.
    public var samples: Int

    public init(resource: Int, hourStartUnixSeconds: Int64, meanMeasuredKW: Double, meanSetpointKW: Double?, samples: Int) {
        self.resource = resource
        self.hourStartUnixSeconds = hourStartUnixSeconds
        self.meanMeasuredKW = meanMeasuredKW
        self.meanSetpointKW = meanSetpointKW
        self.samples = samples
    }
}
