/// Regulation performance so far: PJM (accuracy, delay, precision, composite) and CAISO (accuracy, mileage).
public struct RegulationScores: Sendable, Hashable, Codable {
    public var pjm: PJMScore?
    /// The hour in progress.
    public var pjmCurrentHour: PJMScore?
    public var pjmHourlyComposite: Double?
    public var caisoMeanAccuracy: Double?
    /// Accuracy of the 15-minute interval in progress.
    public var caisoCurrentIntervalAccuracy: Double?
    public var caisoTotalMileageMW: Double

    /// One PJM performance score, each part 0…1.
    public struct PJMScore: Sendable, Hashable, Codable {
        public var accuracy: Double
        public var delay: Double
        public var precision: Double
        public var composite: Double
        public var sampleCount: Int

        public init(accuracy: Double, delay: Double, precision: Double, composite: Double, sampleCount: Int) {
            self.accuracy = accuracy
            self.delay = delay
            self.precision = precision
            self.composite = composite
            self.sampleCount = sampleCount
        }
    }

    public init(pjm: PJMScore? = nil, pjmCurrentHour: PJMScore? = nil, pjmHourlyComposite: Double? = nil,
                caisoMeanAccuracy: Double? = nil, caisoCurrentIntervalAccuracy: Double? = nil,
                caisoTotalMileageMW: Double = 0) {
        self.pjm = pjm
        self.pjmCurrentHour = pjmCurrentHour
        self.pjmHourlyComposite = pjmHourlyComposite
        self.caisoMeanAccuracy = caisoMeanAccuracy
        self.caisoCurrentIntervalAccuracy = caisoCurrentIntervalAccuracy
        self.caisoTotalMileageMW = caisoTotalMileageMW
    }
}
