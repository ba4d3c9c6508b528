/// One 15-minute interval of CAISO regulation pay-for-performance (FERC Order 755): what was asked, how well it was met.
public struct CAISOIntervalScore: Sendable, Hashable {
    /// Start of the interval (a multiple of 900 s on the caller's time axis).
    public var intervalStartSeconds: Double
    /// `1 − Σ|set point − response| / Σ|set point|`, clamped to 0…1.
    ///
    /// When every set point is zero the ratio is undefined: accuracy is 1 if the response was
    /// zero too (Σ|error| ≤ 1e-9 MW per sample), else 0.
    public var accuracy: Double
    /// Σ|change of set point| in MW: the movement the resource was paid to follow.
    public var mileageMW: Double
    /// Number of set points that entered the interval's score.
    public var sampleCount: Int
    /// Number of input samples dropped because the set point or the response was NaN or infinite.
    public var skippedSampleCount: Int

    /// Builds an interval score from already computed values.
    public init(intervalStartSeconds: Double, accuracy: Double, mileageMW: Double, sampleCount: Int, skippedSampleCount: Int = 0) {
        self.intervalStartSeconds = intervalStartSeconds
        self.accuracy = accuracy
        self.mileageMW = mileageMW
        self.sampleCount = sampleCount
        self.skippedSampleCount = skippedSampleCount
    }
}

extension CAISOIntervalScore {
    /// CAISO settles regulation mileage and accuracy per 15-minute interval.
    public static let intervalSeconds: Double = 900
    /// CAISO's AGC sends a set point every 4 s.
    public static let setPointPeriodSeconds: Double = 4
    /// True when the interval held fewer set points than 4-s sampling would give (225).
    public var isPartial: Bool { sampleCount < Int(Self.intervalSeconds / Self.setPointPeriodSeconds) }
}
