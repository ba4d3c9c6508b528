/// An hourly time series on UTC hours: what every forecaster reads and writes. Each value belongs to the
/// hour that starts at its time stamp (an hour-ending file is shifted when read); NaN marks a missing hour.
public struct HourlySeries: Sendable, Hashable {
    /// Start of the first hour, seconds since 1970 UTC (a multiple of 3600).
    public let startUnixSeconds: Int64
    public var values: [Double]

    public init(startUnixSeconds: Int64, values: [Double]) {
        precondition(startUnixSeconds % 3600 == 0, "HourlySeries: \(startUnixSeconds) is not on the hour")
        self.startUnixSeconds = startUnixSeconds
        self.values = values
    }

    public var count: Int { values.count }
    /// Start of the hour after the last, seconds since 1970 UTC.
    public var endUnixSeconds: Int64 { startUnixSeconds + Int64(values.count) * 3600 }

    /// Start of hour `index`, seconds since 1970 UTC.
    public func hourStart(_ index: Int) -> Int64 { startUnixSeconds + Int64(index) * 3600 }

    /// Index of the hour starting at `unixSeconds`, or nil outside the series (or not on the hour).
    public func index(ofHourStart unixSeconds: Int64) -> Int? {
        let offset = unixSeconds - startUnixSeconds
        guard offset >= 0, offset % 3600 == 0 else { return nil }
        let index = Int(offset / 3600)
        return index < values.count ? index : nil
    }

    /// The value of the hour starting at `unixSeconds`; NaN when outside the series or missing.
    public func value(atHourStart unixSeconds: Int64) -> Double {
        index(ofHourStart: unixSeconds).map { values[$0] } ?? .nan
    }

    /// The same series on the hours of `other`'s span (NaN where this one has none).
    public func aligned(startUnixSeconds start: Int64, count: Int) -> HourlySeries {
        HourlySeries(startUnixSeconds: start, values: (0..<count).map { value(atHourStart: start + Int64($0) * 3600) })
    }
}
