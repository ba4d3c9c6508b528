/// An uncontrollable feeder load following its daily shape plus a small, replayable wiggle.
public struct SimulatedLoad: Sendable {
    public let parameters: LoadParameters
    /// Seconds of day at simulated time 0.
    public let startTimeOfDaySeconds: Double
    /// Output at the last advance, kW (generation-positive, so ≤ 0).
    public private(set) var powerKW: Double = 0
    /// Simulated time the device has been advanced to, seconds.
    public private(set) var timeSeconds: Double
    private let noise: DeterministicNoise
    private var cursor = ProfileCursor()

    public init(parameters: LoadParameters, startTimeOfDaySeconds: Double = 0, startSeconds: Double = 0) {
        self.parameters = parameters
        self.startTimeOfDaySeconds = startTimeOfDaySeconds
        noise = DeterministicNoise(seed: parameters.seed, correlationSeconds: parameters.noiseCorrelationSeconds)
        timeSeconds = startSeconds
        advance(toSeconds: startSeconds)
    }

    /// Consumption at the last advance, kW (positive).
    public var demandKW: Double { -powerKW }

    /// Moves the load to `seconds`.
    @inline(__always)
    public mutating func advance(toSeconds seconds: Double) {
        timeSeconds = seconds
        let perUnit = cursor.value(of: parameters.shape, atSeconds: seconds + startTimeOfDaySeconds)
        var demand = max(0, perUnit * parameters.profileScale) * parameters.peakKW
        if parameters.noiseFraction != 0 {
            demand *= 1 + parameters.noiseFraction * noise.value(atSeconds: seconds)
        }
        powerKW = -max(0, demand)
    }
}
