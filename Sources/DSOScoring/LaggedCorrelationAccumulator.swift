/// Running sums that give PJM's delayed correlation and precision without keeping the series.
///
/// For every delay δ = k·10 s (k = 0…30) it sums the pairs (signal[i], response[i + k]), so
/// one pass over the 10-s samples yields Correlation(δ) for all 31 delays: O(31) per sample,
/// memory O(31). Values are centred on the first sample to keep the raw-moment formula exact.
struct LaggedCorrelationAccumulator: Sendable {
    static let lagCount = Int(PJMPerformanceScore.maximumDelaySeconds / PJMPerformanceScore.samplePeriodSeconds) + 1

    private var pairCount: [Int]
    private var sumSignal: [Double]
    private var sumResponse: [Double]
    private var sumSignalSquared: [Double]
    private var sumResponseSquared: [Double]
    private var sumProduct: [Double]
    /// The last `lagCount` centred signal samples; NaN marks an empty 10-s slot.
    private var recentSignal: [Double]
    private var slotsPushed = 0
    private var signalReference: Double?
    private var responseReference: Double?
    private var validSlotCount = 0
    private var sumAbsoluteError = 0.0
    private var sumAbsoluteSignal = 0.0

    init() {
        let lags = Self.lagCount
        pairCount = Array(repeating: 0, count: lags)
        sumSignal = Array(repeating: 0, count: lags)
        sumResponse = Array(repeating: 0, count: lags)
        sumSignalSquared = Array(repeating: 0, count: lags)
        sumResponseSquared = Array(repeating: 0, count: lags)
        sumProduct = Array(repeating: 0, count: lags)
        recentSignal = Array(repeating: .nan, count: lags)
    }

    var isEmpty: Bool { validSlotCount == 0 }

    /// Adds one 10-s slot that holds finite signal and response values.
    mutating func push(signalMW: Double, responseMW: Double) {
        let signalOrigin = signalReference ?? signalMW
        let responseOrigin = responseReference ?? responseMW
        signalReference = signalOrigin
        responseReference = responseOrigin
        let lags = Self.lagCount
        let x = signalMW - signalOrigin
        let y = responseMW - responseOrigin
        recentSignal[slotsPushed % lags] = x
        for lag in 0..<lags {
            let earlierSignal = recentSignal[(slotsPushed - lag + lags * 2) % lags]
            if earlierSignal.isNaN || lag > slotsPushed { continue }
            pairCount[lag] += 1
            sumSignal[lag] += earlierSignal
            sumResponse[lag] += y
            sumSignalSquared[lag] += earlierSignal * earlierSignal
            sumResponseSquared[lag] += y * y
            sumProduct[lag] += earlierSignal * y
        }
        slotsPushed += 1
        validSlotCount += 1
        sumAbsoluteError += abs(responseMW - signalMW)
        sumAbsoluteSignal += abs(signalMW)
    }

    /// Records `slotCount` 10-s slots with no usable sample, keeping later pairs aligned in time.
    mutating func pushGap(slotCount: Int) {
        guard slotCount > 0 else { return }
        let lags = Self.lagCount
        if slotCount >= lags {
            for index in recentSignal.indices { recentSignal[index] = .nan }
        } else {
            for offset in 0..<slotCount { recentSignal[(slotsPushed + offset) % lags] = .nan }
        }
        slotsPushed += slotCount
    }

    /// The PJM score of everything pushed so far; nil when no slot held a valid sample.
    func score(skippedSampleCount: Int) -> PJMPerformanceScore? {
        guard validSlotCount > 0 else { return nil }
        var bestLag = 0
        var bestCorrelation = -Double.infinity
        var bestObjective = -Double.infinity
        for lag in 0..<Self.lagCount where pairCount[lag] > 0 {
            let correlation = correlation(lag: lag)
            let delay = PJMPerformanceScore.delayScore(
                delaySeconds: Double(lag) * PJMPerformanceScore.samplePeriodSeconds)
            if correlation + delay > bestObjective {
                bestObjective = correlation + delay
                bestCorrelation = correlation
                bestLag = lag
            }
        }
        let bestDelaySeconds = Double(bestLag) * PJMPerformanceScore.samplePeriodSeconds
        return PJMPerformanceScore(
            accuracy: max(0, bestCorrelation),
            delay: PJMPerformanceScore.delayScore(delaySeconds: bestDelaySeconds),
            precision: precision(),
            bestDelaySeconds: bestDelaySeconds,
            sampleCount: validSlotCount,
            skippedSampleCount: skippedSampleCount
        )
    }

    /// Pearson correlation at one delay; a flat series has none, so see `flatCorrelation`.
    private func correlation(lag: Int) -> Double {
        let count = Double(pairCount[lag])
        let meanX = sumSignal[lag] / count
        let meanY = sumResponse[lag] / count
        let meanSquareX = sumSignalSquared[lag] / count
        let meanSquareY = sumResponseSquared[lag] / count
        let varianceX = max(0, meanSquareX - meanX * meanX)
        let varianceY = max(0, meanSquareY - meanY * meanY)
        let absoluteMeanX = meanX + (signalReference ?? 0)
        let absoluteMeanY = meanY + (responseReference ?? 0)
        let flatX = Self.isFlat(variance: varianceX, level: absoluteMeanX, meanSquare: meanSquareX)
        let flatY = Self.isFlat(variance: varianceY, level: absoluteMeanY, meanSquare: meanSquareY)
        if flatX || flatY {
            return Self.flatCorrelation(bothFlat: flatX && flatY, meanSignal: absoluteMeanX, meanResponse: absoluteMeanY)
        }
        let covariance = sumProduct[lag] / count - meanX * meanY
        return min(1, max(-1, covariance / (varianceX * varianceY).squareRoot()))
    }

    /// Convention for an undefined correlation: 1 when both series are the same constant, else 0.
    private static func flatCorrelation(bothFlat: Bool, meanSignal: Double, meanResponse: Double) -> Double {
        guard bothFlat else { return 0 }
        let scale = max(1, abs(meanSignal), abs(meanResponse))
        return abs(meanSignal - meanResponse) <= 1e-9 * scale ? 1 : 0
    }

    /// A standard deviation below a billionth of the series' magnitude is rounding noise, not motion.
    private static func isFlat(variance: Double, level: Double, meanSquare: Double) -> Bool {
        variance <= 1e-18 * max(1, level * level, meanSquare)
    }

    /// Precision with the convention that a zero signal is followed perfectly only by a zero response.
    private func precision() -> Double {
        let count = Double(validSlotCount)
        let meanAbsoluteSignal = sumAbsoluteSignal / count
        let meanAbsoluteError = sumAbsoluteError / count
        if meanAbsoluteSignal <= 1e-12 {
            return meanAbsoluteError <= 1e-12 ? 1 : 0
        }
        return min(1, max(0, 1 - meanAbsoluteError / meanAbsoluteSignal))
    }
}
