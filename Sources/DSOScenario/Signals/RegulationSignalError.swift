/// Why a set of samples is not a usable regulation signal.
public enum RegulationSignalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Times and values arrays differ in length.
    case lengthMismatch(times: Int, values: Int)
    /// A signal needs two samples to have a period.
    case tooFewSamples(count: Int)
    /// A sample time is NaN or infinite.
    case timeNotFinite(index: Int)
    /// A uniform sample period must be finite and positive.
    case invalidSamplePeriod(seconds: Double)
    /// Sample times must strictly increase.
    case timeNotIncreasing(index: Int, timeSeconds: Double, previousSeconds: Double)
    /// A value is NaN or outside −1…1.
    case valueOutOfRange(index: Int, value: Double)

    public var description: String {
        switch self {
        case let .lengthMismatch(times, values):
            "regulation signal has \(times) times but \(values) values"
        case let .tooFewSamples(count):
            "regulation signal needs at least 2 samples, got \(count)"
        case let .timeNotFinite(index):
            "regulation signal sample \(index): time is not a finite number"
        case let .invalidSamplePeriod(seconds):
            "regulation signal sample period \(seconds) s must be finite and positive"
        case let .timeNotIncreasing(index, time, previous):
            "regulation signal sample \(index): time must increase (\(time) after \(previous))"
        case let .valueOutOfRange(index, value):
            "regulation signal sample \(index): value \(value) must lie in -1...1"
        }
    }
}
