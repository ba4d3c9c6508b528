/// One resource's telemetry over one UTC hour, aggregated by the historian: the history the forecasts learn from.
public struct HourlyTelemetry: Sendable, Hashable {
    public var resource: Int
    /// Start of the hour, seconds since 1970 UTC.
    public var hourStartUnixSeconds: Int64
    /// Mean of the measured power over the samples that had one, kW.
    public var meanMeasuredKW: Double
    /// Mean of the set points sent, kW (nil: none).
    public var meanSetpointKW: Double?
    /// Samples with a measurement.
    public var samples: Int
}
