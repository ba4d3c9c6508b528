/// A daily shape (irradiance, load) shared by every device that follows it; wraps every 24 h.
///
/// Immutable after loading, so one instance is shared by reference between all devices and threads.
/// Values are linearly interpolated between points, including across midnight (last point → first point + 24 h).
public final class Profile: Sendable {
    /// Length of one profile cycle, seconds.
    public static let daySeconds = 86_400.0

    /// Where the profile came from (file path or a caller-chosen name); used in messages and for sharing.
    public let name: String
    /// Sample times, seconds of day, strictly increasing in 0 ..< 86 400.
    public let timesSeconds: [Double]
    /// Sample values (unit depends on use: per-unit irradiance, per-unit load).
    public let values: [Double]
    /// Samples padded with wrap-around neighbours so every second of the day lies inside one segment.
    let knotSeconds: [Double]
    let knotValues: [Double]

    /// Builds a profile from samples; throws if times are not strictly increasing inside one day.
    public init(name: String, timesSeconds: [Double], values: [Double]) throws(DataFileError) {
        guard !timesSeconds.isEmpty, timesSeconds.count == values.count else {
            throw DataFileError(file: name, line: 0, value: "\(timesSeconds.count) times, \(values.count) values",
                               expected: "at least one sample and as many values as times")
        }
        for (index, time) in timesSeconds.enumerated() {
            guard time.isFinite, time >= 0, time < Profile.daySeconds else {
                throw DataFileError(file: name, line: 0, value: "\(time)", expected: "a time of day in 0 ..< 86400 s")
            }
            if index > 0, !(time > timesSeconds[index - 1]) {
                throw DataFileError(file: name, line: 0, value: "\(time)", expected: "times strictly increasing")
            }
            guard values[index].isFinite else {
                throw DataFileError(file: name, line: 0, value: "\(values[index])", expected: "a finite value")
            }
        }
        self.name = name
        self.timesSeconds = timesSeconds
        self.values = values
        var knots = [timesSeconds[timesSeconds.count - 1] - Profile.daySeconds]
        var knotValues = [values[values.count - 1]]
        knots.append(contentsOf: timesSeconds)
        knotValues.append(contentsOf: values)
        knots.append(timesSeconds[0] + Profile.daySeconds)
        knotValues.append(values[0])
        self.knotSeconds = knots
        self.knotValues = knotValues
    }

    /// A flat profile, for devices that should not vary over the day.
    public static func constant(_ value: Double, name: String = "constant") -> Profile {
        // A single finite sample at midnight cannot fail validation.
        do { return try Profile(name: name, timesSeconds: [0], values: [value]) } catch { fatalError("\(error)") }
    }

    /// Maps any time (seconds, may be negative or beyond one day) to seconds of day in 0 ..< 86 400.
    @inline(__always)
    public static func secondsOfDay(_ seconds: Double) -> Double {
        var wrapped = seconds.truncatingRemainder(dividingBy: daySeconds)
        if wrapped < 0 { wrapped += daySeconds }
        return wrapped
    }

    /// Interpolated value at any time (wrapped to the day); binary search, for one-off lookups.
    public func value(atSeconds seconds: Double) -> Double {
        let second = Profile.secondsOfDay(seconds)
        var low = 0
        var high = knotSeconds.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if knotSeconds[middle] <= second { low = middle } else { high = middle }
        }
        return interpolate(segment: low, secondOfDay: second)
    }

    @inline(__always)
    func interpolate(segment: Int, secondOfDay: Double) -> Double {
        let t0 = knotSeconds[segment]
        let t1 = knotSeconds[segment + 1]
        let v0 = knotValues[segment]
        return v0 + (knotValues[segment + 1] - v0) * (secondOfDay - t0) / (t1 - t0)
    }
}
